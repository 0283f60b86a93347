import type { Db } from "@/lib/platform/db/prisma";
import type { DeliveryStatus, SystemName } from "@/lib/generated/prisma/enums";
import { ROUTES } from "./chain-steps";

const RECEIVING_SYSTEMS = new Set(ROUTES.map((route) => route.target));

export type BusOverview = {
  /** Per receiving system: waiting and dead-lettered now, and delivered in the last 24 hours. */
  bySystem: { system: SystemName; counts: Record<DeliveryStatus, number> }[];
  activeFaults: number;
  rejectionsLast24h: number;
};

/**
 * Deliveries per receiving system (open ones, and those delivered in the last 24 hours: never
 * the whole history, which grows for as long as it is kept), active faults, and the OMS's
 * recent refusals.
 */
export async function busOverview(db: Db, now = new Date()): Promise<BusOverview> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [open, delivered, activeFaults, rejectionsLast24h] = await Promise.all([
    db.delivery.groupBy({ by: ["targetSystem", "status"], where: { status: { in: ["PENDING", "DEAD"] } }, _count: { _all: true } }),
    db.delivery.groupBy({ by: ["targetSystem", "status"], where: { status: "DELIVERED", deliveredAt: { gte: dayAgo } }, _count: { _all: true } }),
    db.faultRule.count({ where: { enabled: true } }),
    db.inboundRejection.count({ where: { receivedAt: { gte: dayAgo } } }),
  ]);
  const groups = [...open, ...delivered];
  // Every system that receives events has a row, busy or quiet.
  const systems = [...new Set([...RECEIVING_SYSTEMS, ...groups.map((group) => group.targetSystem)])].sort();
  return {
    bySystem: systems.map((system) => {
      const counts: Record<DeliveryStatus, number> = { PENDING: 0, DELIVERED: 0, DEAD: 0 };
      for (const group of groups) if (group.targetSystem === system) counts[group.status] = group._count._all;
      return { system, counts };
    }),
    activeFaults,
    rejectionsLast24h,
  };
}
