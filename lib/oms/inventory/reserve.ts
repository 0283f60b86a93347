import type { Tx } from "@/lib/platform/db/prisma";

/**
 * Allocates `quantity` units in one conditional UPDATE: the row changes only if
 * enough is available at that moment, so concurrent checkouts can never oversell
 * (no read-then-write window). Returns false when the stock is not there.
 */
export async function allocateStock(tx: Tx, input: { storeId: string; productId: string; quantity: number }): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "InventoryLevel"
       SET "allocated" = "allocated" + ${input.quantity}, "updatedAt" = now()
     WHERE "storeId" = ${input.storeId}::uuid
       AND "productId" = ${input.productId}::uuid
       AND "onHand" - "allocated" - "safetyStock" >= ${input.quantity}`;
  return updated === 1;
}
