import { getDb } from "@/lib/platform/db/prisma";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";

const NOT_STORED = { "cache-control": "private, no-store" };

/** GET: what the order page shows, as JSON, for the page to poll; the link's token is the only credential. */
export async function GET(_request: Request, context: RouteContext<"/orders/[token]/status">) {
  const { token } = await context.params;
  const order = await getOrderViewByToken(getDb(), token);
  if (!order) return Response.json({ error: "We could not find this order." }, { status: 404, headers: NOT_STORED });
  return Response.json(order, { headers: NOT_STORED });
}
