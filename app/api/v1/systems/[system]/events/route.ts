import { getDb } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { applyNotificationEvent } from "@/lib/notification/apply-event";
import { sendQueuedMessages } from "@/lib/notification/send-queued";
import { applyPosEvent } from "@/lib/pos/apply-event";
import { receiveEvent, type EventHandler } from "@/lib/bus/receive-event";
import { applyStorefrontEvent } from "@/lib/storefront/apply-event";
import { applyWmsEvent } from "@/lib/wms/apply-event";

export const dynamic = "force-dynamic";

// The built-in modules' receivers: each applies events addressed to it, and only those.
const HANDLERS: Record<string, [SystemName, EventHandler]> = {
  wms: ["WMS", applyWmsEvent],
  storefront: ["STOREFRONT", applyStorefrontEvent],
  notification: ["NOTIFICATION", applyNotificationEvent],
  pos: ["POS", applyPosEvent],
};

export async function POST(request: Request, context: RouteContext<"/api/v1/systems/[system]/events">) {
  const { system } = await context.params;
  const receiver = ownValue(HANDLERS, system);
  if (!receiver) return Response.json({ error: `There is no built-in system called "${system}".` }, { status: 404 });
  const result = await receiveEvent(getDb(), receiver[0], request, receiver[1]);
  // The notification layer sends what it just queued; the worker sweeps up anything left.
  if (receiver[0] === "NOTIFICATION" && result.body.status === "applied") await sendQueuedMessages(getDb()).catch(() => 0);
  return Response.json(result.body, { status: result.status });
}
