import type { Db } from "@/lib/db/prisma";
import { locateFailure, type LocatedFailure } from "./locate-failure";

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
  const [orders, steps, deliveries] = await Promise.all([
    db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true, store: { select: { code: true } } } }),
    db.chainStep.findMany({ where: { orderId: { in: orderIds } } }),
    db.delivery.findMany({ where: { orderId: { in: orderIds }, chain: { not: null } }, select: { orderId: true, chain: true, stepNumber: true, attempts: true, status: true } }),
  ]);
  const stuck: StuckOrder[] = [];
  for (const order of orders) {
    const failure = locateFailure(
      steps.filter((step) => step.orderId === order.id),
      deliveries.filter((delivery) => delivery.orderId === order.id),
      now,
    );
    if (failure) {
      const stuckForSeconds = Math.max(0, Math.round((now.getTime() - failure.stuckSince.getTime()) / 1000));
      stuck.push({ orderNumber: order.number, storeCode: order.store.code, failure, stuckForSeconds });
    }
  }
  return stuck.sort((a, b) => (a.failure.stuckSince.getTime() - b.failure.stuckSince.getTime()) * (newestFirst ? -1 : 1));
}
