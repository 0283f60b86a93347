import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { CHANNEL_ADAPTERS } from "@/lib/oms/intake/channels/adapters";
import { receiveChannelOrder } from "@/lib/oms/intake/receive-channel-order";

export const dynamic = "force-dynamic";

const MAX_BYTES = 256 * 1024;

/**
 * Orders from other sales channels, each in its own shape, with the channel's API key.
 * 201 placed (200 when the channel order was already placed), 202 queued above the
 * channel's rate, 422 quarantined with the reasons, 429 only when the channel's queue is
 * full, 400 when the body cannot be kept at all, 401/403 for the key.
 */
export async function POST(request: Request) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "channel", "send orders");
  if (!caller.ok) return caller.response;
  const { key } = caller;
  const body = await readJsonBody(request, MAX_BYTES);
  if (!body.ok) return Response.json({ error: body.error }, { status: body.status });
  const payload = body.value;
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return Response.json({ error: "Send one order as a JSON object." }, { status: 400 });

  const outcome = await receiveChannelOrder(db, CHANNEL_ADAPTERS[key.channel], payload);
  switch (outcome.status) {
    case "accepted":
      return Response.json(outcome, { status: outcome.duplicate ? 200 : 201 });
    case "quarantined":
      return Response.json({ ...outcome, error: "The order was kept in quarantine: fix what the reasons say and send it again, or ops can fix and replay it." }, { status: 422 });
    case "queued":
      return Response.json({ ...outcome, statusUrl: `/api/v1/orders/intake/${outcome.intakeId}` }, { status: 202 });
    case "queue_full":
      return Response.json({ error: "Too many orders from this channel are waiting; send this one again later." }, { status: 429, headers: { "retry-after": String(outcome.retryAfterSeconds) } });
    case "refused":
      return Response.json({ error: outcome.error }, { status: 400 });
  }
}
