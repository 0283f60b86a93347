import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { readBodyBytes } from "@/lib/platform/http/read-body";
import { logText, MAX_LOG_BYTES } from "@/lib/monitor/observations/log-text";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import { parseLinesGently } from "@/lib/monitor/observations/parse-lines";
import { uploadGate } from "@/lib/monitor/observations/upload-gate";

export const dynamic = "force-dynamic";


/**
 * Another stack's logs, as NDJSON lines `{"system","event","order","at"}`. Good lines are
 * kept and mapped to each order's failure node; bad ones come back with their line numbers.
 */
export async function POST(request: Request) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "send observations");
  if (!caller.ok) return caller.response;
  const { key } = caller;
  // Its turn first, then the body: a waiting upload's bytes stay with the sender, not in memory here.
  const pass = await uploadGate().enter(`key:${key.id}`);
  if (!pass.ok) return Response.json({ error: pass.error }, { status: pass.status, headers: { "retry-after": String(pass.retryAfterSeconds) } });
  try {
    const bytes = await readBodyBytes(request, MAX_LOG_BYTES);
    if (!bytes.ok) return Response.json({ error: bytes.error }, { status: bytes.status });
    const body = logText(bytes.bytes, request.headers.get("content-encoding"));
    if (!body.ok) return Response.json({ error: body.error }, { status: body.status });
    const parsed = await parseLinesGently(body.text, "ndjson");
    if (parsed.observations.length === 0) {
      return Response.json({ error: "No line could be read.", accepted: 0, rejected: parsed.rejected }, { status: 400 });
    }
    const { batchId, cascade, unmapped } = await ingestObservations(db, parsed.observations);
    return Response.json({ batchId, accepted: parsed.observations.length, rejected: parsed.rejected, cascade, unmapped });
  } finally {
    pass.leave();
  }
}
