import { getDb } from "@/lib/platform/db/prisma";
import { applyStockFeed } from "@/lib/oms/stock-feed/apply-stock-feed";
import { authenticateStockFeed } from "@/lib/oms/stock-feed/authenticate-store";
import { resolveStockedItems } from "@/lib/oms/stock-feed/resolve-skus";
import { stockFeedRequestSchema } from "@/lib/oms/stock-feed/stock-feed-request";
import { fieldErrors } from "@/lib/bus/receive-event";

export const dynamic = "force-dynamic";

/**
 * A store's POS reports counts and stock movements, signed with that store's secret.
 * 202 with each message's outcome; 400 (nothing applied) for a malformed request or a
 * SKU the store does not stock; 401 for a bad signature; 404 for an unknown store.
 */
export async function POST(request: Request) {
  const db = getDb();
  const signed = await authenticateStockFeed(db, request);
  if (!signed.ok) return Response.json(signed.body, { status: signed.status });

  const parsed = stockFeedRequestSchema.safeParse(signed.json);
  if (!parsed.success) {
    return Response.json({ error: "The stock feed request does not match the expected shape.", fields: fieldErrors(parsed.error) }, { status: 400 });
  }
  const stocked = await resolveStockedItems(db, signed.store.id, parsed.data.messages);
  if (!stocked.ok) return Response.json({ error: "The request names items this store does not stock; nothing was applied.", fields: stocked.fields }, { status: 400 });

  const results = await applyStockFeed(db, signed.store, parsed.data.messages, stocked.items);
  return Response.json({ storeCode: signed.store.code, results }, { status: 202 });
}
