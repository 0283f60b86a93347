import { replayDeliveries } from "@/lib/bus/replay";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";

/**
 * Re-delivers what an order is missing: its dead-lettered deliveries (refused, out of
 * retries or dropped) go out again, and ones waiting out a retry back-off are sent now.
 * Receivers apply each event once, so re-syncing a healthy order changes nothing.
 * Returns the deliveries sent again; whether they arrive is another question
 * (`resyncAndConfirm`).
 */
export async function resyncOrder(db: Db, orderId: string, now = new Date()): Promise<string[]> {
  // Hurried first: a dead letter replayed below is due at once and must not count twice.
  const hurried = await db.delivery.updateManyAndReturn({
    where: { orderId, status: "PENDING", nextAttemptAt: { gt: now }, OR: [{ injectedFault: null }, { injectedFault: { not: "PAUSE" } }] },
    data: { nextAttemptAt: now },
    select: { id: true },
  });
  if (hurried.length > 0) await wakeDispatcher(db);
  const replayed = await replayDeliveries(db, { orderId });
  return [...hurried.map((delivery) => delivery.id), ...replayed];
}
