import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT } from "@/lib/bus/event-names";
import { outboxEventWrites } from "@/lib/bus/outbox";
import type { SqlClient } from "@/lib/platform/db/sql";

export type HoldReleaseReason = "expired" | "moved" | "placed" | "replaced";

type HoldLines = { storeCode: string; lines: { sku: string; quantity: number }[] };

/**
 * Ends the checkout holds `which` selects (ids; only those still HELD): gives their units back
 * at their stores and marks them EXPIRED, in one statement that locks the holds before the
 * stock levels (in store and product order, as every allocation does). Returns what each store
 * got back, for the storefront.
 */
export async function releaseHolds(tx: SqlClient, which: Prisma.Sql): Promise<HoldLines[]> {
  const { rows } = await tx.query<HoldLines>(Prisma.sql`
    WITH gone AS (
      UPDATE "CheckoutHold" h SET "status" = 'EXPIRED', "updatedAt" = now()
       WHERE h."id" IN (${which}) AND h."status" = 'HELD'
      RETURNING h."id", h."storeId"),
    freed AS (
      SELECT gone."storeId", l."productId", SUM(l."quantity")::int AS "quantity"
        FROM gone JOIN "CheckoutHoldLine" l ON l."holdId" = gone."id"
       GROUP BY gone."storeId", l."productId"),
    locked AS (
      SELECT level."id" FROM "InventoryLevel" level
        JOIN freed ON freed."storeId" = level."storeId" AND freed."productId" = level."productId"
       ORDER BY level."storeId", level."productId" FOR UPDATE OF level),
    -- A data-modifying CTE runs whether or not the SELECT reads it.
    released AS (
      UPDATE "InventoryLevel" level SET "allocated" = level."allocated" - freed."quantity", "updatedAt" = now()
        FROM freed
       WHERE level."storeId" = freed."storeId" AND level."productId" = freed."productId" AND level."id" IN (SELECT "id" FROM locked)
      RETURNING level."id")
    SELECT s."code" AS "storeCode", json_agg(json_build_object('sku', p."sku", 'quantity', freed."quantity") ORDER BY p."sku") AS "lines"
      FROM freed JOIN "Store" s ON s."id" = freed."storeId" JOIN "Product" p ON p."id" = freed."productId"
     GROUP BY s."code"`);
  return rows;
}

/** Tells the storefront each store's units are free again, in the releasing transaction. */
export async function announceHoldReleases(tx: SqlClient, released: HoldLines[], reason: HoldReleaseReason): Promise<void> {
  for (const { storeCode, lines } of released) {
    await tx.query(Prisma.sql`WITH ${outboxEventWrites({ type: EVENT.inventoryHoldReleased, orderId: null, payload: { storeCode, lines, reason } })} SELECT 1`);
  }
}
