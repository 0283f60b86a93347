import { z } from "zod";
import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { intakeStatus } from "@/lib/oms/intake/intake-status";

export const dynamic = "force-dynamic";

/** What became of an order a channel sent: queued, placed (with its number), or quarantined with the reasons. */
export async function GET(request: Request, context: RouteContext<"/api/v1/orders/intake/[id]">) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "channel", "follow channel orders");
  if (!caller.ok) return caller.response;
  const { key } = caller;
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return Response.json({ error: `"${id}" is not an intake id.` }, { status: 400 });
  const status = await intakeStatus(db, id, key.channel);
  if (!status) return Response.json({ error: "Your channel sent no order with that intake id." }, { status: 404 });
  return Response.json(status);
}
