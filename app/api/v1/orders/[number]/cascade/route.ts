import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { getDb } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";

export const dynamic = "force-dynamic";

/** One order's cascade across the five systems, with its failure node, as JSON (API key). */
export async function GET(request: Request, context: RouteContext<"/api/v1/orders/[number]/cascade">) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "read order cascades");
  if (!caller.ok) return caller.response;
  const { number } = await context.params;
  const orderNumber = parseOrderNumber(number);
  if (orderNumber === null) return Response.json({ error: `"${number}" is not an order number (H-100012 or 100012).` }, { status: 400 });
  const cascade = await loadOrderCascade(db, orderNumber);
  if (!cascade) return Response.json({ error: `There is no order H-${orderNumber}.` }, { status: 404 });
  return Response.json(cascade);
}
