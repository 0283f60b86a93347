import type { Db } from "@/lib/platform/db/prisma";
import { faultCovers, storeCodeOf, type FaultRuleLike } from "./pick-fault";

/**
 * The enabled fault rules an order's undelivered deliveries would meet if sent again:
 * re-syncing through an active fault only breaks the same step a second time.
 */
export async function faultsInTheWay(db: Db, orderIds: string[]): Promise<Map<string, FaultRuleLike[]>> {
  const found = new Map<string, FaultRuleLike[]>();
  const rules = await db.faultRule.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
  if (rules.length === 0 || orderIds.length === 0) return found;
  const waiting = await db.delivery.findMany({
    where: { orderId: { in: orderIds }, status: { not: "DELIVERED" } },
    select: { orderId: true, targetSystem: true, event: { select: { source: true, type: true, payload: true } } },
  });
  for (const delivery of waiting) {
    const crossing = { source: delivery.event.source, target: delivery.targetSystem, type: delivery.event.type, storeCode: storeCodeOf(delivery.event.payload) };
    const hits = rules.filter((rule) => faultCovers(rule, crossing));
    if (hits.length === 0) continue;
    const list = found.get(delivery.orderId!) ?? [];
    for (const rule of hits) if (!list.includes(rule)) list.push(rule);
    found.set(delivery.orderId!, list);
  }
  return found;
}
