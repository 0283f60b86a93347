import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlClient } from "@/lib/platform/db/sql";
import { DomainError } from "@/lib/platform/errors";
import { availableToPromise } from "./availability";

/**
 * The shopper-facing error for a line the store could not allocate, with what it has left
 * for this shopper: what is free plus what their own checkout hold already holds there.
 */
export async function insufficientStock(tx: SqlClient, store: { id: string; name: string }, product: { id: string; name: string }, requested: number, ownHeld = 0) {
  const [level] = (await tx.query<{ onHand: number; allocated: number; safetyStock: number }>(Prisma.sql`
    SELECT "onHand", "allocated", "safetyStock" FROM "InventoryLevel" WHERE "storeId" = ${store.id}::uuid AND "productId" = ${product.id}::uuid`)).rows;
  const available = availableToPromise(level) + ownHeld;
  const message =
    available === 0
      ? `${product.name} just sold out at ${store.name}. Pick another store or remove it from your cart.`
      : `Only ${available} left of ${product.name} at ${store.name} — pick another store or lower the quantity.`;
  return new DomainError("INSUFFICIENT_STOCK", message, { productId: product.id, requested, available, storeId: store.id });
}
