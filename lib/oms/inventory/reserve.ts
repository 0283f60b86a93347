import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Allocates each line's units as common table expressions (`allocated` returns the products
 * allocated at `storeId`) for the placing statement: a level changes only if enough is available
 * at that moment, so concurrent checkouts can never oversell (no read-then-write window).
 * A line missing from `allocated` was not there to take; the caller rolls back.
 *
 * With `fromHold`, the units that checkout hold already has allocated (at its own store) count
 * towards the lines: only the difference moves, so the hold's units become the order's without
 * ever being offered to anyone else. The caller must have locked the hold row.
 *
 * Levels are locked in (store, product) order first, so concurrent checkouts cannot deadlock.
 */
export function allocateStockWrites(storeId: string, lines: { productId: string; quantity: number }[], fromHold: string | null = null): Prisma.Sql {
  const given = fromHold
    ? Prisma.sql`UNION ALL SELECT h."storeId", l."productId", -l."quantity" FROM "CheckoutHoldLine" l JOIN "CheckoutHold" h ON h."id" = l."holdId" WHERE h."id" = ${fromHold}::uuid`
    : Prisma.empty;
  return Prisma.sql`
    wanted AS (
      SELECT w."storeId", w."productId", SUM(w."quantity")::int AS "change"
        FROM (SELECT ${storeId}::uuid, u.* FROM unnest(${lines.map((line) => line.productId)}::uuid[], ${lines.map((line) => line.quantity)}::int[]) AS u ${given})
             AS w("storeId", "productId", "quantity")
       GROUP BY w."storeId", w."productId"),
    locked AS (
      SELECT level."id" FROM "InventoryLevel" level
        JOIN wanted ON wanted."storeId" = level."storeId" AND wanted."productId" = level."productId"
       ORDER BY level."storeId", level."productId" FOR UPDATE OF level),
    moved AS (
      UPDATE "InventoryLevel" level SET "allocated" = level."allocated" + wanted."change", "updatedAt" = now()
        FROM wanted
       WHERE level."storeId" = wanted."storeId" AND level."productId" = wanted."productId" AND level."id" IN (SELECT "id" FROM locked)
         AND (wanted."change" <= 0 OR level."onHand" - level."allocated" - level."safetyStock" >= wanted."change")
      RETURNING level."storeId", level."productId"),
    allocated AS (SELECT "productId" FROM moved WHERE "storeId" = ${storeId}::uuid)`;
}
