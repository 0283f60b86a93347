import { authenticateApiKey } from "@/lib/platform/auth/api-keys";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { getDb } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";

export const dynamic = "force-dynamic";

/** One order's cascade across the five systems, with its failure node, as JSON (API key). */
export async function GET(request: Request, context: RouteContext<"/api/v1/orders/[number]/cascade">) {
  const db = getDb();
  const key = await authenticateApiKey(db, request.headers);
  if (!key) return Response.json({ error: "Send a valid API key as `Authorization: Bearer <key>` (create one at /ops/systems)." }, { status: 401 });
  // A sales channel's key sends its own orders; it may not read other orders' customers.
  if (key.channel) return Response.json({ error: "A sales channel's key cannot read order cascades; use a key with no channel." }, { status: 403 });
  const { number } = await context.params;
  const orderNumber = parseOrderNumber(number);
  if (orderNumber === null) return Response.json({ error: `"${number}" is not an order number (H-100012 or 100012).` }, { status: 400 });
  const cascade = await loadOrderCascade(db, orderNumber);
  if (!cascade) return Response.json({ error: `There is no order H-${orderNumber}.` }, { status: 404 });
  return Response.json(cascade);
}
