import { authenticateApiKey } from "@/lib/api-keys/api-keys";
import { getDb } from "@/lib/db/prisma";
import { ingestObservations } from "@/lib/observations/ingest";
import { parseNdjson } from "@/lib/observations/parse-lines";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Another stack's logs, as NDJSON lines `{"system","event","order","at"}`. Good lines are
 * kept and mapped to each order's failure node; bad ones come back with their line numbers.
 */
export async function POST(request: Request) {
  const db = getDb();
  const key = await authenticateApiKey(db, request.headers);
  if (!key) return Response.json({ error: "Send a valid API key as `Authorization: Bearer <key>` (create one at /ops/systems)." }, { status: 401 });
  // A sales channel's key sends its own orders; it may not read other orders' customers.
  if (key.channel) return Response.json({ error: "A sales channel's key cannot send observations; use a key with no channel." }, { status: 403 });
  const body = await request.text();
  if (body.length > MAX_BYTES) return Response.json({ error: "The body is larger than 20 MB; send it in parts." }, { status: 413 });
  const parsed = parseNdjson(body);
  if (parsed.observations.length === 0) {
    return Response.json({ error: "No line could be read.", accepted: 0, rejected: parsed.rejected }, { status: 400 });
  }
  const { batchId, cascade } = await ingestObservations(db, parsed.observations);
  return Response.json({ batchId, accepted: parsed.observations.length, rejected: parsed.rejected, cascade });
}
