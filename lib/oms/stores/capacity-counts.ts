import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/platform/db/prisma";

/**
 * A store's orders of its own day and its orders in hand, as columns of a statement reading
 * the store as `alias` (each counted only when its cap is set, so uncapped stores cost nothing).
 */
export function capacityCountColumns(alias: string, now: Date): Prisma.Sql {
  const store = Prisma.raw(alias);
  return Prisma.sql`
    CASE WHEN ${store}."dailyOrderCap" IS NULL THEN 0 ELSE (
      SELECT count(*)::int FROM "Order" o
       WHERE o."storeId" = ${store}."id"
         AND o."placedAt" >= ((date_trunc('day', ${now}::timestamptz AT TIME ZONE ${store}."timeZone") AT TIME ZONE ${store}."timeZone") AT TIME ZONE 'UTC')) END AS "placedToday",
    CASE WHEN ${store}."concurrentOrderCap" IS NULL THEN 0 ELSE (
      SELECT count(*)::int FROM "Order" o WHERE o."storeId" = ${store}."id" AND o."status" IN ('PLACED', 'PICKING', 'READY')) END AS "openOrders"`;
}

/** The counts each of these stores' caps are checked against (zero where a store has no cap), by store id. */
export async function capacityCountsOf(db: Db | Tx, storeIds: string[], now: Date): Promise<Map<string, { placedToday: number; openOrders: number }>> {
  if (storeIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; placedToday: number; openOrders: number }[]>`
    SELECT s."id", ${capacityCountColumns("s", now)} FROM "Store" s
     WHERE s."id" = ANY(${storeIds}::uuid[]) AND (s."dailyOrderCap" IS NOT NULL OR s."concurrentOrderCap" IS NOT NULL)`;
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}
