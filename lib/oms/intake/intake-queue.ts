import type { Db } from "@/lib/platform/db/prisma";
import { CHANNEL_ADAPTERS } from "@/lib/oms/intake/channels/adapters";
import { processIntake } from "./receive-channel-order";

const PARALLEL_PLACEMENTS = 4;
/** A queued order that fails this often (not a reason of its own: the database, a timeout) goes to quarantine. */
const MAX_FAILED_ATTEMPTS = 5;

/** Counts a failed try; the lease keeps it from being retried for a while, and enough failures quarantine it. */
async function recordFailedAttempt(db: Db, id: string, error: unknown) {
  const row = await db.intakeOrder.update({ where: { id }, data: { attempts: { increment: 1 } } });
  if (row.attempts < MAX_FAILED_ATTEMPTS) return;
  const message = `Could not be placed after ${row.attempts} attempts: ${String((error as Error)?.message ?? error).slice(0, 300)}`;
  await db.intakeOrder.updateMany({ where: { id, status: "QUEUED" }, data: { status: "QUARANTINED", reasons: [{ path: "(order)", message }], leaseUntil: null } });
}

/**
 * The intake worker's pass: claims queued orders oldest first (several workers never take
 * the same one) and places or quarantines each. Returns how many it handled.
 */
export async function drainIntakeQueue(db: Db, limit = 25, now = () => new Date()): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "IntakeOrder" SET "leaseUntil" = now() + interval '120 seconds'
     WHERE "id" IN (SELECT "id" FROM "IntakeOrder"
                     WHERE "status" = 'QUEUED' AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
                     ORDER BY "receivedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
     RETURNING "id"`;
  let handled = 0;
  let next = 0;
  // A few placements at once: each is mostly waiting on the database.
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_PLACEMENTS, claimed.length) }, async () => {
      while (next < claimed.length) {
        const { id } = claimed[next++]!;
        const row = await db.intakeOrder.findUnique({ where: { id } });
        if (row?.status !== "QUEUED" || row.channel === "WEB") continue;
        // Placement is idempotent on the channel's order id, so a lease that ran out and let
        // another worker take the same order costs time, never a second order.
        try {
          await processIntake(db, CHANNEL_ADAPTERS[row.channel], row.payload, row.channelOrderId, now(), null);
        } catch (error) {
          await recordFailedAttempt(db, id, error);
        }
        handled++;
      }
    }),
  );
  return handled;
}
