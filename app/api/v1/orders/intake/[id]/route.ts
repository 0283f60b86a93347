import { z } from "zod";
import { authenticateApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";
import { intakeStatus } from "@/lib/oms/intake/intake-status";

export const dynamic = "force-dynamic";

/** What became of an order a channel sent: queued, placed (with its number), or quarantined with the reasons. */
export async function GET(request: Request, context: RouteContext<"/api/v1/orders/intake/[id]">) {
  const db = getDb();
  const key = await authenticateApiKey(db, request.headers);
  if (!key) return Response.json({ error: "Send your channel's API key as `Authorization: Bearer <key>`." }, { status: 401 });
  if (!key.channel || key.channel === "WEB") return Response.json({ error: "This API key is not a sales channel's key." }, { status: 403 });
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return Response.json({ error: `"${id}" is not an intake id.` }, { status: 400 });
  const status = await intakeStatus(db, id, key.channel);
  if (!status) return Response.json({ error: "Your channel sent no order with that intake id." }, { status: 404 });
  return Response.json(status);
}
