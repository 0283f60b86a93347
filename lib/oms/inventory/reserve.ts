import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Allocates each line's units as common table expressions (`allocated` returns the products
 * allocated) for the placing statement: a level changes only if enough is available at that
 * moment, so concurrent checkouts can never oversell (no read-then-write window). Levels are
 * locked in product order first, so concurrent multi-item checkouts cannot deadlock.
 * A line missing from `allocated` was not there to take; the caller rolls back.
 */
export function allocateStockWrites(storeId: string, lines: { productId: string; quantity: number }[]): Prisma.Sql {
  return Prisma.sql`
    wanted AS (SELECT * FROM unnest(${lines.map((line) => line.productId)}::uuid[], ${lines.map((line) => line.quantity)}::int[]) AS wanted("productId", "quantity")),
    locked AS (
      SELECT level."productId" FROM "InventoryLevel" level
       WHERE level."storeId" = ${storeId}::uuid AND level."productId" IN (SELECT "productId" FROM wanted)
       ORDER BY level."productId" FOR UPDATE),
    allocated AS (
      UPDATE "InventoryLevel" level SET "allocated" = level."allocated" + wanted."quantity", "updatedAt" = now()
        FROM locked JOIN wanted ON wanted."productId" = locked."productId"
       WHERE level."storeId" = ${storeId}::uuid AND level."productId" = locked."productId"
         AND level."onHand" - level."allocated" - level."safetyStock" >= wanted."quantity"
      RETURNING level."productId")`;
}
