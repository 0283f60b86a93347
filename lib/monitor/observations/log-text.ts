import { gunzipBounded, isGzip } from "@/lib/platform/http/gzip";
import { utf8Text, type BodyText } from "@/lib/platform/http/read-body";

/** The most a batch of lines may be, packed or unpacked. */
export const MAX_LOG_BYTES = 20 * 1024 * 1024;

/**
 * A batch of log lines as text: gzip (said by Content-Encoding or seen in its first bytes,
 * as an exported .gz file carries) unpacked within the limit, anything else taken as UTF-8.
 */
export function logText(bytes: Uint8Array, contentEncoding: string | null = null): BodyText | { ok: false; status: 415; error: string } {
  const encoding = contentEncoding?.trim().toLowerCase() || "identity";
  if (encoding !== "identity" && encoding !== "gzip" && encoding !== "x-gzip") {
    return { ok: false, status: 415, error: `Send the lines as they are or gzip-compressed, not "${contentEncoding}".` };
  }
  if (encoding !== "identity" || isGzip(bytes)) {
    const unpacked = gunzipBounded(bytes, MAX_LOG_BYTES);
    return unpacked.ok ? utf8Text(unpacked.bytes) : unpacked;
  }
  return utf8Text(bytes);
}
