import type { Db } from "@/lib/platform/db/prisma";
import type { DeliveryStatus, SystemName } from "@/lib/generated/prisma/enums";

export type BusOverview = {
  bySystem: { system: SystemName; counts: Record<DeliveryStatus, number> }[];
  activeFaults: number;
  rejectionsLast24h: number;
};

/** Deliveries per receiving system and status, active faults, and the OMS's recent refusals. */
export async function busOverview(db: Db, now = new Date()): Promise<BusOverview> {
  const [groups, activeFaults, rejectionsLast24h] = await Promise.all([
    db.delivery.groupBy({ by: ["targetSystem", "status"], _count: { _all: true } }),
    db.faultRule.count({ where: { enabled: true } }),
    db.inboundRejection.count({ where: { receivedAt: { gte: new Date(now.getTime() - 86_400_000) } } }),
  ]);
  const systems = [...new Set(groups.map((group) => group.targetSystem))].sort();
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
