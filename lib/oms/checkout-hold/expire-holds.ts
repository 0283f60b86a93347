import { Prisma } from "@/lib/generated/prisma/client";
import { wakeDispatcher } from "@/lib/bus/outbox";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import { announceHoldReleases, releaseHolds } from "./release-holds";

const BATCH = 500;
/** Ended holds are kept a day (what the shopper's checkout may still ask about), then removed. */
const KEEP_ENDED_MS = 86_400_000;

/**
 * Checkouts left without placing an order: their holds ran out, so the worker gives the units
 * back and the storefront offers them again. Several workers split the due holds (SKIP LOCKED).
 * Returns how many stores got units back.
 */
export async function expireCheckoutHolds(db: Db, now = new Date()): Promise<number> {
  const sql = sqlOf(db);
  let stores = 0;
  for (;;) {
    const released = await sql.transaction(async (tx) => {
      const released = await releaseHolds(tx, Prisma.sql`
        SELECT "id" FROM "CheckoutHold" WHERE "status" = 'HELD' AND "expiresAt" <= ${now}::timestamp
         ORDER BY "expiresAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
      await announceHoldReleases(tx, released, "expired");
      return released;
    });
    stores += released.length;
    if (released.length === 0) break;
  }
  // By the (status, expiresAt) index: an ended hold's end is at most its hold time after it ended.
  await sql.query(Prisma.sql`
    DELETE FROM "CheckoutHold" WHERE "id" IN (
      SELECT "id" FROM "CheckoutHold" WHERE "status" IN ('PLACED', 'EXPIRED') AND "expiresAt" < ${new Date(now.getTime() - KEEP_ENDED_MS)}::timestamp LIMIT ${BATCH * 10})`);
  if (stores > 0) await wakeDispatcher(db);
  return stores;
}
