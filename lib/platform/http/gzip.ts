import { gunzipSync } from "node:zlib";
import { formatBytes, type BodyRefusal } from "./read-body";

const GZIP_MAGIC = [0x1f, 0x8b];

export const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];

/**
 * Gzip unpacked, but never past `maxBytes` of output: a small body that would unpack to
 * gigabytes is refused while unpacking, not after.
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes: number): { ok: true; bytes: Buffer } | BodyRefusal {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }) };
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      return { ok: false, status: 413, error: `The body unpacks to more than ${formatBytes(maxBytes)}; send less at a time.` };
    }
    return { ok: false, status: 400, error: "The body says it is gzip but does not unpack." };
  }
}
