import { getDb } from "@/lib/platform/db/prisma";
import { receiveInboundEvent } from "@/lib/oms/orders/inbound/receive-inbound-event";

export const dynamic = "force-dynamic";

/** Events from other systems (an external or the built-in POS) to the OMS. */
export async function POST(request: Request, context: RouteContext<"/api/v1/events/[system]">) {
  const { system } = await context.params;
  const result = await receiveInboundEvent(getDb(), system, request);
  return Response.json(result.body, { status: result.status });
}
