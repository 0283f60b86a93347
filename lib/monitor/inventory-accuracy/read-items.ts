import type { Db } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemFigures } from "./compare-item";

export type StoreItem = ItemFigures & { storeCode: string; sku: string };
export type ItemScope = { storeId?: string; settledBefore: Date };

/**
 * One page of ledger rows after `afterId`, each with its live reservations, the WMS's held
 * units and the storefront's row, in one statement so the figures are read at one moment.
 * Rows whose ledger moved after `settledBefore` are left out: the WMS and storefront hear
 * of a change over the bus a moment later, and comparing mid-flight would flag noise.
 */
export async function readLedgerItems(db: Db, scope: ItemScope, afterId: string | null, limit: number): Promise<(StoreItem & { id: string })[]> {
  const store = scope.storeId ? Prisma.sql`AND i."storeId" = ${scope.storeId}::uuid` : Prisma.empty;
  const after = afterId ? Prisma.sql`AND i."id" > ${afterId}::uuid` : Prisma.empty;
  return db.$queryRaw<(StoreItem & { id: string })[]>`
    WITH page AS (
      SELECT i."id", i."storeId", i."productId", s."code" AS "storeCode", p."sku", i."onHand", i."allocated", i."safetyStock"
        FROM "InventoryLevel" i
        JOIN "Store" s ON s."id" = i."storeId"
        JOIN "Product" p ON p."id" = i."productId"
       WHERE i."updatedAt" <= ${scope.settledBefore} ${store} ${after}
       ORDER BY i."id"
       LIMIT ${limit}
    ),
    reserved AS (
      SELECT r."storeId", r."productId", SUM(r."quantity")::int AS "units"
        FROM "Reservation" r JOIN page ON page."storeId" = r."storeId" AND page."productId" = r."productId"
       WHERE r."status" = 'HELD'
       GROUP BY 1, 2
    ),
    held AS (
      SELECT w."storeCode", w."sku", SUM(w."quantity")::int AS "units"
        FROM "WmsAllocation" w JOIN page ON page."storeCode" = w."storeCode" AND page."sku" = w."sku"
       WHERE w."status" = 'HELD'
       GROUP BY 1, 2
    ),
    checkout AS (
      SELECT h."storeId", l."productId", SUM(l."quantity")::int AS "units"
        FROM "CheckoutHoldLine" l JOIN "CheckoutHold" h ON h."id" = l."holdId"
        JOIN page ON page."storeId" = h."storeId" AND page."productId" = l."productId"
       WHERE h."status" = 'HELD'
       GROUP BY 1, 2
    )
    SELECT page."id"::text AS "id", page."storeCode", page."sku", page."onHand", page."allocated", page."safetyStock",
           COALESCE(reserved."units", 0) AS "reservedUnits",
           COALESCE(checkout."units", 0) AS "checkoutHeldUnits",
           COALESCE(held."units", 0) AS "wmsHeldUnits",
           sa."available" AS "storefrontAvailable"
      FROM page
      LEFT JOIN reserved ON reserved."storeId" = page."storeId" AND reserved."productId" = page."productId"
      LEFT JOIN held ON held."storeCode" = page."storeCode" AND held."sku" = page."sku"
      LEFT JOIN checkout ON checkout."storeId" = page."storeId" AND checkout."productId" = page."productId"
      LEFT JOIN "StorefrontAvailability" sa ON sa."storeCode" = page."storeCode" AND sa."sku" = page."sku"
     ORDER BY page."id"`;
}

/**
 * Items another system claims with no ledger row behind them: live reservations, units
 * the WMS holds, or stock the storefront offers. Each is compared against an empty ledger.
 */
export async function readUnledgeredItems(db: Db, scope: { storeId?: string }): Promise<StoreItem[]> {
  const storeCode = scope.storeId ? Prisma.sql`(SELECT "code" FROM "Store" WHERE "id" = ${scope.storeId}::uuid)` : null;
  const only = (column: Prisma.Sql) => (storeCode ? Prisma.sql`AND ${column} = ${storeCode}` : Prisma.empty);
  const noLedger = (code: Prisma.Sql, sku: Prisma.Sql) => Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "InventoryLevel" i JOIN "Store" s ON s."id" = i."storeId" JOIN "Product" p ON p."id" = i."productId"
     WHERE s."code" = ${code} AND p."sku" = ${sku})`;
  return db.$queryRaw<StoreItem[]>`
    WITH reserved AS (
      SELECT s."code" AS "storeCode", p."sku", SUM(r."quantity")::int AS "units"
        FROM "Reservation" r JOIN "Store" s ON s."id" = r."storeId" JOIN "Product" p ON p."id" = r."productId"
       WHERE r."status" = 'HELD' ${only(Prisma.sql`s."code"`)}
         AND NOT EXISTS (SELECT 1 FROM "InventoryLevel" i WHERE i."storeId" = r."storeId" AND i."productId" = r."productId")
       GROUP BY 1, 2
    ),
    held AS (
      SELECT w."storeCode", w."sku", SUM(w."quantity")::int AS "units"
        FROM "WmsAllocation" w
       WHERE w."status" = 'HELD' ${only(Prisma.sql`w."storeCode"`)} AND ${noLedger(Prisma.sql`w."storeCode"`, Prisma.sql`w."sku"`)}
       GROUP BY 1, 2
    ),
    offered AS (
      SELECT sa."storeCode", sa."sku"
        FROM "StorefrontAvailability" sa
       WHERE sa."available" > 0 ${only(Prisma.sql`sa."storeCode"`)} AND ${noLedger(Prisma.sql`sa."storeCode"`, Prisma.sql`sa."sku"`)}
    ),
    items AS (
      SELECT "storeCode", "sku" FROM reserved UNION SELECT "storeCode", "sku" FROM held UNION SELECT "storeCode", "sku" FROM offered
    )
    SELECT items."storeCode", items."sku", 0 AS "onHand", 0 AS "allocated", 0 AS "safetyStock",
           COALESCE(reserved."units", 0) AS "reservedUnits", 0 AS "checkoutHeldUnits",
           COALESCE(held."units", 0) AS "wmsHeldUnits",
           sa."available" AS "storefrontAvailable"
      FROM items
      LEFT JOIN reserved ON reserved."storeCode" = items."storeCode" AND reserved."sku" = items."sku"
      LEFT JOIN held ON held."storeCode" = items."storeCode" AND held."sku" = items."sku"
      LEFT JOIN "StorefrontAvailability" sa ON sa."storeCode" = items."storeCode" AND sa."sku" = items."sku"
     ORDER BY 1, 2`;
}
