import type { Db, Tx } from "@/lib/platform/db/prisma";
import type { StoreSchedule } from "@/lib/oms/slots/opening-hours";

const storeWithHours = { hours: { orderBy: { weekday: "asc" as const } } };

export type StoreWithHours = NonNullable<Awaited<ReturnType<typeof loadStore>>>;

export function loadStore(db: Db | Tx, storeId: string) {
  return db.store.findUnique({ where: { id: storeId }, include: storeWithHours });
}

export function loadStoreByCode(db: Db | Tx, code: string) {
  return db.store.findUnique({ where: { code }, include: storeWithHours });
}

export function loadAllStores(db: Db | Tx) {
  return db.store.findMany({ include: storeWithHours, orderBy: { name: "asc" } });
}

export function scheduleOf(store: StoreWithHours): StoreSchedule {
  return { timeZone: store.timeZone, hours: store.hours };
}

/** Orders that are waiting for or in picking: the queue a new order joins. */
export async function queuedOrdersByStore(db: Db | Tx, storeIds?: string[]): Promise<Map<string, number>> {
  const groups = await db.order.groupBy({
    by: ["storeId"],
    where: { status: { in: ["PLACED", "PICKING"] }, ...(storeIds ? { storeId: { in: storeIds } } : {}) },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.storeId, group._count._all]));
}
