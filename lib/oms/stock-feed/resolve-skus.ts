import type { Db } from "@/lib/platform/db/prisma";
import type { StockFeedMessage } from "./stock-feed-request";

/** The store's ledger row for one SKU the request names. */
export type StockedItem = { levelId: string; productId: string; sku: string; name: string };

/**
 * Each SKU the messages name, as the store stocks it. A SKU the store does not carry
 * (unknown product, or no ledger row at this store) refuses the whole request, naming
 * every message that carries it, so a typo never half-applies a batch.
 */
export async function resolveStockedItems(
  db: Db,
  storeId: string,
  messages: StockFeedMessage[],
): Promise<{ ok: true; items: Map<string, StockedItem> } | { ok: false; fields: { path: string; message: string }[] }> {
  const skus = [...new Set(messages.map((message) => message.sku))];
  const levels = await db.inventoryLevel.findMany({
    where: { storeId, product: { sku: { in: skus } } },
    select: { id: true, productId: true, product: { select: { sku: true, name: true } } },
  });
  const found = new Map(levels.map((level) => [level.product.sku, { levelId: level.id, productId: level.productId, sku: level.product.sku, name: level.product.name }]));
  // In the order the request first names them, so what is announced reads like the request.
  const items = new Map(skus.flatMap((sku) => (found.has(sku) ? [[sku, found.get(sku)!] as const] : [])));
  const fields = messages.flatMap((message, index) =>
    items.has(message.sku) ? [] : [{ path: `messages.${index}.sku`, message: `this store does not stock "${message.sku}"` }],
  );
  return fields.length > 0 ? { ok: false, fields } : { ok: true, items };
}
