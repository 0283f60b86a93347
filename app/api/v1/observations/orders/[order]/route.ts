import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { segmentValue } from "@/lib/platform/http/path-segment";
import { isUnsafeText } from "@/lib/platform/http/unsafe-text";
import { watchedOrderView } from "@/lib/monitor/observations/watched-order-view";

export const dynamic = "force-dynamic";

/**
 * One watched order's verdict from its systems' lines, as of now: healthy, in flight or
 * broken (with the node, in the cascade API's shape), its late steps and every expected
 * step with its deadline and arrival (API key with no channel).
 */
export async function GET(request: Request, context: RouteContext<"/api/v1/observations/orders/[order]">) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "read watched orders");
  if (!caller.ok) return caller.response;
  const order = segmentValue((await context.params).order);
  if (order.trim() === "" || order.length > 100 || isUnsafeText(order)) {
    return Response.json({ error: "Name the order as its systems log it: 1 to 100 characters of text." }, { status: 400 });
  }
  const view = await watchedOrderView(db, order.trim());
  if (!view) return Response.json({ error: `No observed line mentions order "${order.trim()}".` }, { status: 404 });
  return Response.json(view);
}
