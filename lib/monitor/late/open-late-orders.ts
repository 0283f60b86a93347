import type { Db } from "@/lib/platform/db/prisma";

export type OpenLateOrder = {
  orderNumber: number;
  storeCode: string;
  storeName: string;
  timeZone: string;
  kind: "NOT_STARTED" | "NOT_READY";
  status: string;
  detectedAt: Date;
  promisedReadyAt: Date;
  revisedReadyAt: Date | null;
};

/** Orders raised as late that are still not ready, at the store they are late at, longest late first. */
export async function openLateOrders(db: Db, limit = 100): Promise<OpenLateOrder[]> {
  // Per order: its latest kind (the graver one comes later) and when it first turned late there.
  return db.$queryRaw<OpenLateOrder[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (o."id") o."number" AS "orderNumber", s."code" AS "storeCode", s."name" AS "storeName", s."timeZone",
             l."kind"::text AS "kind", o."status"::text AS "status",
             min(l."detectedAt") OVER (PARTITION BY o."id") AS "detectedAt", o."promisedReadyAt", o."revisedReadyAt"
        FROM "LateOrder" l
        JOIN "Order" o ON o."id" = l."orderId" AND o."storeId" = l."storeId"
        JOIN "Store" s ON s."id" = l."storeId"
       WHERE o."status" IN ('PLACED', 'PICKING') AND NOT l."rerouted"
       ORDER BY o."id", l."detectedAt" DESC) AS late
     ORDER BY late."detectedAt", late."orderNumber"
     LIMIT ${limit}`;
}
