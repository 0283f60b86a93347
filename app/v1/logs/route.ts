import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { gunzipBounded } from "@/lib/platform/http/gzip";
import { readBodyBytes } from "@/lib/platform/http/read-body";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import { MAX_LOG_BYTES } from "@/lib/monitor/observations/log-text";
import { decodeLogsRequest, encodeLogsResponse, encodeStatus, type OtlpEncoding } from "@/lib/monitor/observations/otlp/decode-logs";
import { linesFromLogs } from "@/lib/monitor/observations/otlp/log-records";
import { parseLineObjects } from "@/lib/monitor/observations/parse-lines";
import { uploadGate } from "@/lib/monitor/observations/upload-gate";

export const dynamic = "force-dynamic";

const CONTENT_TYPES: Record<string, OtlpEncoding> = { "application/x-protobuf": "protobuf", "application/json": "json" };
const CONTENT_TYPE_OF: Record<OtlpEncoding, string> = { protobuf: "application/x-protobuf", json: "application/json" };
// google.rpc.Code: INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED.
const RPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 413: 8, 429: 8, 503: 14 };

/**
 * OTLP/HTTP logs (protobuf or JSON, gzip or not), so an OpenTelemetry Collector's otlphttp
 * exporter, or any SDK, can send a watched stack's logs: each record becomes a watched
 * line (its system from `service.name`, its event from `event.name`, its order from
 * `order.id`, see log-records.ts) and goes through the same checks, vocabulary and
 * judging as POST /api/v1/observations. Answers as OTLP asks: 200 with an
 * ExportLogsServiceResponse (a partial success names the records refused), errors as a
 * google.rpc.Status, both in the request's own encoding.
 */
export async function POST(request: Request) {
  const mime = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const encoding = Object.hasOwn(CONTENT_TYPES, mime) ? CONTENT_TYPES[mime]! : null;
  if (!encoding) {
    return new Response("unsupported media type, supported: [application/json, application/x-protobuf]", { status: 415, headers: { "content-type": "text/plain" } });
  }
  const answer = (status: number, body: Uint8Array | string, headers: Record<string, string> = {}) =>
    new Response(typeof body === "string" ? body : Buffer.from(body), { status, headers: { "content-type": CONTENT_TYPE_OF[encoding], ...headers } });
  const refuse = (status: number, message: string, headers: Record<string, string> = {}) => answer(status, encodeStatus(encoding, RPC_CODE[status] ?? 3, message), headers);

  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "send logs");
  if (!caller.ok) return refuse(caller.response.status, ((await caller.response.json()) as { error: string }).error);
  const pass = await uploadGate().enter(`key:${caller.key.id}`);
  if (!pass.ok) return refuse(pass.status, pass.error, { "retry-after": String(pass.retryAfterSeconds) });
  try {
    const body = await readBodyBytes(request, MAX_LOG_BYTES);
    if (!body.ok) return refuse(body.status, body.error);
    const contentEncoding = request.headers.get("content-encoding")?.trim().toLowerCase() || "identity";
    if (contentEncoding !== "identity" && contentEncoding !== "gzip") return refuse(400, `Content-Encoding "${contentEncoding}" is not supported; send gzip or nothing.`);
    const unpacked = contentEncoding === "gzip" ? gunzipBounded(body.bytes, MAX_LOG_BYTES) : { ok: true as const, bytes: body.bytes };
    if (!unpacked.ok) return refuse(unpacked.status, unpacked.error);
    const decoded = decodeLogsRequest(unpacked.bytes, encoding);
    if (!decoded.ok) return refuse(400, decoded.error);

    const parsed = parseLineObjects(linesFromLogs(decoded.request));
    if (parsed.observations.length > 0) await ingestObservations(db, parsed.observations);
    const first = parsed.rejected[0];
    const rejected = first
      ? { count: parsed.rejected.length, message: `record ${first.line}: ${first.errors.join("; ")}${parsed.rejected.length > 1 ? ` (and ${parsed.rejected.length - 1} more)` : ""}` }
      : null;
    return answer(200, encodeLogsResponse(encoding, rejected));
  } finally {
    pass.leave();
  }
}
