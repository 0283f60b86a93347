import type { Db } from "@/lib/platform/db/prisma";
import { rate, readyWithinTarget } from "./store-kpis";

export type StoreComparisonRow = {
  code: string;
  name: string;
  ordersPlaced: number;
  pickToReadyP90Minutes: number | null;
  slaAdherence: number | null;
  pickupConversion: number | null;
};

/** The headline KPIs side by side for every store over a period, in one pass over its orders. */
export async function loadStoreComparison(db: Db, period: { from: Date; to: Date }): Promise<StoreComparisonRow[]> {
  const { from, to } = period;
  const rows = await db.$queryRaw<{ code: string; name: string; placed: bigint; p90: number | null; readied: bigint; within: bigint; pickedUp: bigint; noShows: bigint }[]>`
    SELECT s."code", s."name",
           COUNT(o."id") FILTER (WHERE o."placedAt" >= ${from} AND o."placedAt" < ${to}) AS "placed",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (o."readyAt" - o."placedAt")) / 60)
             FILTER (WHERE o."readyAt" >= ${from} AND o."readyAt" < ${to}) AS "p90",
           COUNT(o."id") FILTER (WHERE o."readyAt" >= ${from} AND o."readyAt" < ${to}) AS "readied",
           COUNT(o."id") FILTER (WHERE o."readyAt" >= ${from} AND o."readyAt" < ${to} AND ${readyWithinTarget}) AS "within",
           COUNT(o."id") FILTER (WHERE o."status" = 'PICKED_UP' AND o."pickedUpAt" >= ${from} AND o."pickedUpAt" < ${to}) AS "pickedUp",
           COUNT(o."id") FILTER (WHERE o."status" = 'NO_SHOW' AND o."holdUntil" >= ${from} AND o."holdUntil" < ${to}) AS "noShows"
      FROM "Store" s
      LEFT JOIN "Order" o ON o."storeId" = s."id" AND (o."placedAt" >= ${from} OR o."readyAt" >= ${from} OR o."pickedUpAt" >= ${from} OR o."updatedAt" >= ${from})
      LEFT JOIN "PosOrderTask" t ON t."orderId" = o."id"
     GROUP BY s."code", s."name"
     ORDER BY s."code"`;
  return rows.map((row) => {
    const pickedUp = Number(row.pickedUp);
    return {
      code: row.code,
      name: row.name,
      ordersPlaced: Number(row.placed),
      pickToReadyP90Minutes: row.p90 === null ? null : Number(row.p90),
      slaAdherence: rate(Number(row.within), Number(row.readied)),
      pickupConversion: rate(pickedUp, pickedUp + Number(row.noShows)),
    };
  });
}
