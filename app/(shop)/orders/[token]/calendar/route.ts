import { getDb } from "@/lib/platform/db/prisma";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";
import { pickupCalendarEvent } from "@/lib/storefront/pickup-calendar-event";
import { orderPagePath, publicBaseUrl } from "@/lib/platform/security/shopper-access";

/** GET: the order's pickup window as an .ics file; the link token is the only credential, as on the order page. */
export async function GET(_request: Request, context: RouteContext<"/orders/[token]/calendar">) {
  const { token } = await context.params;
  const order = await getOrderViewByToken(getDb(), token);
  if (!order) return new Response("We could not find this order.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(pickupCalendarEvent(order, `${publicBaseUrl()}${orderPagePath(token)}`), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="pickup-${order.number}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
