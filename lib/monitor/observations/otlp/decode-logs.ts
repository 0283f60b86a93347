import protobuf from "protobufjs";
import { parseJsonText } from "@/lib/platform/http/parse-json";
import descriptor from "./logs-descriptor.json";
import type { ExportLogsRequest } from "./log-records";

// The OTLP logs messages, from opentelemetry-proto v1.11.0 (protos/, Apache-2.0), compiled
// once to logs-descriptor.json with `npx -p protobufjs-cli@2.7.1 pbjs -t json -p protos -o
// logs-descriptor.json protos/opentelemetry/proto/collector/logs/v1/logs_service.proto`.
const root = protobuf.Root.fromJSON(descriptor);
const ExportLogsServiceRequest = root.lookupType("opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest");
const ExportLogsServiceResponse = root.lookupType("opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse");

export type OtlpEncoding = "protobuf" | "json";

/**
 * An ExportLogsServiceRequest in the shape OTLP/JSON writes it. Protobuf is decoded with
 * the official messages; JSON is parsed as it is (the proto3 JSON mapping would read its
 * hex trace ids as base64), by the app's one JSON parser.
 */
export function decodeLogsRequest(bytes: Uint8Array, encoding: OtlpEncoding): { ok: true; request: ExportLogsRequest } | { ok: false; error: string } {
  if (encoding === "json") {
    const json = parseJsonText(new TextDecoder("utf-8").decode(bytes));
    if (!json.ok) return { ok: false, error: json.error };
    if (!json.value || typeof json.value !== "object" || Array.isArray(json.value)) return { ok: false, error: "Send an ExportLogsServiceRequest object." };
    return { ok: true, request: json.value as ExportLogsRequest };
  }
  try {
    const message = ExportLogsServiceRequest.decode(bytes);
    return { ok: true, request: ExportLogsServiceRequest.toObject(message, { longs: String, enums: Number, arrays: true, defaults: false }) as ExportLogsRequest };
  } catch (error) {
    return { ok: false, error: `The body is not an OTLP ExportLogsServiceRequest: ${(error as Error).message}.` };
  }
}

/** The ExportLogsServiceResponse, with a partial success when some records were refused. */
export function encodeLogsResponse(encoding: OtlpEncoding, rejected: { count: number; message: string } | null): Uint8Array | string {
  const partialSuccess = rejected && rejected.count > 0 ? { rejectedLogRecords: rejected.count, errorMessage: rejected.message } : undefined;
  if (encoding === "json") return JSON.stringify(partialSuccess ? { partialSuccess } : {});
  return ExportLogsServiceResponse.encode(ExportLogsServiceResponse.create(partialSuccess ? { partialSuccess } : {})).finish();
}

/** A google.rpc.Status (code 3, INVALID_ARGUMENT, or another) in the request's encoding, as OTLP's errors are written. */
export function encodeStatus(encoding: OtlpEncoding, code: number, message: string): Uint8Array | string {
  if (encoding === "json") return JSON.stringify({ code, message });
  // Status { int32 code = 1; string message = 2; }
  return protobuf.Writer.create().uint32(8).int32(code).uint32(18).string(message).finish();
}
