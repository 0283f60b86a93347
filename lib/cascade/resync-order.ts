import { replayDeliveries } from "@/lib/bus/replay";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/db/prisma";

/**
 * Re-delivers what an order is missing: its dead-lettered and dropped deliveries go out
 * again, and ones waiting out a retry back-off are sent now. Receivers apply each event
 * once, so re-syncing a healthy order changes nothing.
 */
export async function resyncOrder(db: Db, orderId: string, now = new Date()): Promise<{ replayed: number; hurried: number }> {
  const replayed = await replayDeliveries(db, { orderId });
  const { count: hurried } = await db.delivery.updateMany({
    where: { orderId, status: "PENDING", nextAttemptAt: { gt: now }, OR: [{ injectedFault: null }, { injectedFault: { not: "PAUSE" } }] },
    data: { nextAttemptAt: now },
  });
  if (hurried > 0) await wakeDispatcher(db);
  return { replayed, hurried };
}
