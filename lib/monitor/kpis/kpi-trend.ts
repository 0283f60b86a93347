import type { Db } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { rate, readyWithinTarget } from "./store-kpis";

export type TrendUnit = "hour" | "day";
export type TrendPoint = {
  /** The bucket's start as wall-clock time in the chosen time zone, e.g. "2026-11-23T14:00". */
  start: string;
  ordersPlaced: number;
  readied: number;
  slaAdherence: number | null;
};

/**
 * Orders placed and SLA adherence per hour or day of a period, in a time zone (the store's,
 * or UTC across stores), with empty buckets kept so the chart's axis is continuous.
 */
export async function loadKpiTrend(db: Db, input: { from: Date; to: Date; unit: TrendUnit; timeZone: string; storeId?: string }): Promise<TrendPoint[]> {
  const { from, to, unit, timeZone } = input;
  const step = unit === "hour" ? Prisma.sql`interval '1 hour'` : Prisma.sql`interval '1 day'`;
  const local = (column: Prisma.Sql) => Prisma.sql`date_trunc(${unit}::text, ((${column}) AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text)`;
  const store = input.storeId ? Prisma.sql`AND o."storeId" = ${input.storeId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<{ start: string; placed: bigint; readied: bigint; within: bigint }[]>`
    WITH buckets AS (
      SELECT generate_series(${local(Prisma.sql`${from}::timestamp`)}, ${local(Prisma.sql`${to}::timestamp - interval '1 millisecond'`)}, ${step}) AS "start"
    ), placed AS (
      SELECT ${local(Prisma.sql`o."placedAt"`)} AS "start", COUNT(*) AS "count"
        FROM "Order" o WHERE o."placedAt" >= ${from} AND o."placedAt" < ${to} ${store} GROUP BY 1
    ), readied AS (
      SELECT ${local(Prisma.sql`o."readyAt"`)} AS "start", COUNT(*) AS "count", COUNT(*) FILTER (WHERE ${readyWithinTarget}) AS "within"
        FROM "Order" o LEFT JOIN "PosOrderTask" t ON t."orderId" = o."id"
       WHERE o."readyAt" >= ${from} AND o."readyAt" < ${to} ${store} GROUP BY 1
    )
    SELECT to_char(b."start", 'YYYY-MM-DD"T"HH24:MI') AS "start", COALESCE(p."count", 0) AS "placed", COALESCE(r."count", 0) AS "readied", COALESCE(r."within", 0) AS "within"
      FROM buckets b LEFT JOIN placed p ON p."start" = b."start" LEFT JOIN readied r ON r."start" = b."start"
     ORDER BY b."start"`;
  return rows.map((row) => ({
    start: row.start,
    ordersPlaced: Number(row.placed),
    readied: Number(row.readied),
    slaAdherence: rate(Number(row.within), Number(row.readied)),
  }));
}
