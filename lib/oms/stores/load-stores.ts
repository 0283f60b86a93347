import type { Db, Tx } from "@/lib/platform/db/prisma";
import { Prisma, type Store, type StoreHours } from "@/lib/generated/prisma/client";
import type { StoreSchedule } from "@/lib/oms/slots/opening-hours";

const storeWithHours = { hours: { orderBy: { weekday: "asc" as const } } };

export type StoreWithHours = Store & { hours: StoreHours[] };

/** A store's opening hours as one JSON column, Monday first, for statements that read stores with them. */
export function hoursColumn(storeAlias: "s" | "n"): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', h."id", 'storeId', h."storeId", 'weekday', h."weekday", 'opensAtMin', h."opensAtMin", 'closesAtMin', h."closesAtMin") ORDER BY h."weekday")
                       FROM "StoreHours" h WHERE h."storeId" = ${Prisma.raw(`${storeAlias}."id"`)}), '[]'::json)`;
}

/** One store with its hours, in one statement: every checkout and pickup-time read starts here. */
export async function loadStore(db: Db | Tx, storeId: string): Promise<StoreWithHours | null> {
  const [store] = await db.$queryRaw<StoreWithHours[]>`SELECT s.*, ${hoursColumn("s")} AS "hours" FROM "Store" s WHERE s."id" = ${storeId}::uuid`;
  return store ?? null;
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
