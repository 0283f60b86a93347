import type { Tx } from "@/lib/platform/db/prisma";

/**
 * Locks these stores' stock levels for the rest of the transaction, in (store, product) order,
 * the order every statement that moves stock at more than one store takes them in (a checkout
 * hold moving stores, an order placed from a hold elsewhere). A change that then moves them in
 * several statements (a reroute: take at one store, give back at another) cannot deadlock
 * against those.
 */
export async function lockLevels(tx: Tx, levels: { storeId: string; productId: string }[]): Promise<void> {
  if (levels.length === 0) return;
  await tx.$executeRaw`
    SELECT 1 FROM "InventoryLevel" i
      JOIN unnest(${levels.map((level) => level.storeId)}::uuid[], ${levels.map((level) => level.productId)}::uuid[]) AS l("storeId", "productId")
        ON i."storeId" = l."storeId" AND i."productId" = l."productId"
     ORDER BY i."storeId", i."productId"
       FOR UPDATE OF i`;
}
