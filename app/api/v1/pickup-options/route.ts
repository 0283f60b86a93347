import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { fieldErrors } from "@/lib/bus/receive-event";
import { pickupOptions, pickupOptionsRequestSchema } from "@/lib/oms/stores/pickup-options";

export const dynamic = "force-dynamic";

const MAX_BYTES = 64 * 1024;

/**
 * The store picker for other storefronts: the customer's coordinates or ZIP code and the
 * cart's SKUs in; the nearest stores out, each with whole-cart coverage per line,
 * ready-by and the first free pickup windows. 200 with the stores (an empty list when
 * none is near), 400 with field errors, 401 without a live API key.
 */
export async function POST(request: Request) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "any", "ask for pickup options");
  if (!caller.ok) return caller.response;
  const body = await readJsonBody(request, MAX_BYTES);
  if (!body.ok) return Response.json({ error: body.error, fields: body.field ? [body.field] : [] }, { status: body.status });
  const parsed = pickupOptionsRequestSchema.safeParse(body.value);
  if (!parsed.success) return Response.json({ error: "The request does not match the expected shape.", fields: fieldErrors(parsed.error) }, { status: 400 });
  const outcome = await pickupOptions(db, parsed.data, new Date());
  if (!outcome.ok) return Response.json({ error: outcome.error, fields: outcome.fields }, { status: 400 });
  return Response.json(outcome.answer);
}
