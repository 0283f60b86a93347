import type { Db } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

/** The pick-to-ready target the KPIs measure against, in minutes (the stores' default). */
export const PICK_TO_READY_TARGET_MINUTES = 15;
export const PICKUP_CONVERSION_TARGET = 0.95;

export type Kpis = {
  ordersPlaced: number;
  pickToReady: { orders: number; medianMinutes: number | null; p90Minutes: number | null; withinTarget: number; adherence: number | null };
  pickupConversion: { pickedUp: number; noShows: number; rate: number | null };
  noShowRate: number | null;
  availabilityMismatch: { checked: number; mismatched: number; rate: number | null };
  staleAuthorizations: { count: number; amountCents: number };
  deliveryErrorRate: { system: string; deliveries: number; failed: number; rate: number }[];
};

export const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Whether an order `o` (with its POS task `t`) was ready by the queue's own target, or 15 minutes when unknown. */
export const readyWithinTarget = Prisma.sql`o."readyAt" <= COALESCE(t."pickTargetAt", o."placedAt" + make_interval(mins => ${PICK_TO_READY_TARGET_MINUTES}))`;

/**
 * The operating KPIs for a period, for one store or all: orders placed, pick-to-ready
 * median and p90 against the target with SLA adherence, pickup conversion and no-shows,
 * storefront availability that disagrees with the inventory record, authorizations left
 * uncaptured past their hold, and each system's delivery error rate.
 */
export async function loadKpis(db: Db, period: { from: Date; to: Date }, storeId?: string): Promise<Kpis> {
  const store = storeId ? Prisma.sql`AND o."storeId" = ${storeId}::uuid` : Prisma.empty;
  const [placed, ready, closed, availability, stale, deliveries] = await Promise.all([
    db.$queryRaw<{ count: bigint }[]>`
      SELECT COUNT(*) AS "count" FROM "Order" o WHERE o."placedAt" >= ${period.from} AND o."placedAt" < ${period.to} ${store}`,
    // SLA: ready by the queue's own target (15 minutes of opening time), or 15 minutes when unknown.
    db.$queryRaw<{ orders: bigint; median: number | null; p90: number | null; within: bigint }[]>`
      SELECT COUNT(*) AS "orders",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (o."readyAt" - o."placedAt")) / 60) AS "median",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (o."readyAt" - o."placedAt")) / 60) AS "p90",
             COUNT(*) FILTER (WHERE ${readyWithinTarget}) AS "within"
        FROM "Order" o LEFT JOIN "PosOrderTask" t ON t."orderId" = o."id"
       WHERE o."readyAt" >= ${period.from} AND o."readyAt" < ${period.to} ${store}`,
    db.$queryRaw<{ pickedUp: bigint; noShows: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE o."status" = 'PICKED_UP' AND o."pickedUpAt" >= ${period.from} AND o."pickedUpAt" < ${period.to}) AS "pickedUp",
             COUNT(*) FILTER (WHERE o."status" = 'NO_SHOW' AND o."holdUntil" >= ${period.from} AND o."holdUntil" < ${period.to}) AS "noShows"
        FROM "Order" o WHERE o."status" IN ('PICKED_UP', 'NO_SHOW') ${store}`,
    db.$queryRaw<{ checked: bigint; mismatched: bigint }[]>`
      SELECT COUNT(*) AS "checked",
             COUNT(*) FILTER (WHERE GREATEST(0, sa."available") <> GREATEST(0, i."onHand" - i."allocated" - i."safetyStock")) AS "mismatched"
        FROM "InventoryLevel" i
        JOIN "Store" s ON s."id" = i."storeId"
        JOIN "Product" p ON p."id" = i."productId"
        JOIN "StorefrontAvailability" sa ON sa."storeCode" = s."code" AND sa."sku" = p."sku"
       WHERE ${storeId ? Prisma.sql`i."storeId" = ${storeId}::uuid` : Prisma.sql`TRUE`}`,
    db.$queryRaw<{ count: bigint; amount: bigint | null }[]>`
      SELECT COUNT(*) AS "count", SUM(pa."amountCents") AS "amount"
        FROM "PaymentAuthorization" pa JOIN "Order" o ON o."id" = pa."orderId"
       WHERE pa."status" = 'AUTHORIZED' AND o."holdUntil" < ${period.to} ${store}`,
    // The deliveries still held, and those history retention removed (counted per UTC day).
    db.$queryRaw<{ system: string; deliveries: bigint; failed: bigint }[]>`
      SELECT x."system", SUM(x."deliveries")::bigint AS "deliveries", SUM(x."failed")::bigint AS "failed" FROM (
        SELECT d."targetSystem"::text AS "system", COUNT(*) AS "deliveries",
               COUNT(*) FILTER (WHERE d."status" = 'DEAD' OR d."attempts" > 1) AS "failed"
          FROM "Delivery" d ${storeId ? Prisma.sql`JOIN "Order" o ON o."id" = d."orderId"` : Prisma.empty}
         WHERE d."createdAt" >= ${period.from} AND d."createdAt" < ${period.to} ${store}
         GROUP BY 1
        UNION ALL
        SELECT p."targetSystem"::text, SUM(p."deliveries"), SUM(p."failed")
          FROM "PrunedDeliveryCount" p
         WHERE p."day" >= ${period.from}::date AND p."day" < ${period.to}::date ${storeId ? Prisma.sql`AND p."storeId" = ${storeId}::uuid` : Prisma.empty}
         GROUP BY 1) x
       GROUP BY 1 ORDER BY 1`,
  ]);
  const readyRow = ready[0]!;
  const orders = Number(readyRow.orders);
  const pickedUp = Number(closed[0]!.pickedUp);
  const noShows = Number(closed[0]!.noShows);
  const checked = Number(availability[0]!.checked);
  const mismatched = Number(availability[0]!.mismatched);
  return {
    ordersPlaced: Number(placed[0]!.count),
    pickToReady: {
      orders,
      medianMinutes: readyRow.median === null ? null : Number(readyRow.median),
      p90Minutes: readyRow.p90 === null ? null : Number(readyRow.p90),
      withinTarget: Number(readyRow.within),
      adherence: rate(Number(readyRow.within), orders),
    },
    pickupConversion: { pickedUp, noShows, rate: rate(pickedUp, pickedUp + noShows) },
    noShowRate: rate(noShows, pickedUp + noShows),
    availabilityMismatch: { checked, mismatched, rate: rate(mismatched, checked) },
    staleAuthorizations: { count: Number(stale[0]!.count), amountCents: Number(stale[0]!.amount ?? 0) },
    deliveryErrorRate: deliveries.map((row) => ({ system: row.system, deliveries: Number(row.deliveries), failed: Number(row.failed), rate: Number(row.failed) / Number(row.deliveries) })),
  };
}
