import type { Db } from "@/lib/platform/db/prisma";
import { locateFailures, type LocatedFailure } from "./locate-failure";

export type StuckOrder = { orderNumber: number; storeCode: string; failure: LocatedFailure; stuckForSeconds: number };

/**
 * Orders with a step refused, dead-lettered or past its deadline, oldest break first,
 * each with its failure node. Reads only the broken steps' orders, then each of those
 * orders' steps and deliveries in two queries.
 */
export async function findStuckOrders(db: Db, now = new Date(), limit = 100, newestFirst = false): Promise<StuckOrder[]> {
  const brokenOrders = await db.chainStep.groupBy({
    by: ["orderId"],
    // Spelled as the statuses that can be broken (not "not delivered") so the (status, expectedBy) index serves it.
    where: { OR: [{ status: { in: ["REJECTED", "DEAD_LETTERED"] } }, { status: { in: ["PENDING", "FAILED"] }, expectedBy: { lt: now } }] },
    _min: { expectedBy: true },
    orderBy: { _min: { expectedBy: newestFirst ? "desc" : "asc" } },
    take: limit,
  });
  const orderIds = brokenOrders.map((row) => row.orderId);
  if (orderIds.length === 0) return [];
  const [orders, failures] = await Promise.all([
    db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true, store: { select: { code: true } } } }),
    locateFailures(db, orderIds, now),
  ]);
  const stuck: StuckOrder[] = [];
  for (const order of orders) {
    const failure = failures.get(order.id);
    if (failure) {
      const stuckForSeconds = Math.max(0, Math.round((now.getTime() - failure.stuckSince.getTime()) / 1000));
      stuck.push({ orderNumber: order.number, storeCode: order.store.code, failure, stuckForSeconds });
    }
  }
  return stuck.sort((a, b) => (a.failure.stuckSince.getTime() - b.failure.stuckSince.getTime()) * (newestFirst ? -1 : 1));
}
