import type { UploadResult } from "@/app/(ops)/ops/observations/actions";
import type { CascadeMapEntry } from "@/lib/monitor/observations/ingest";
import { LogLineTooLongError, logFormatOf, logParts, peek } from "@/lib/monitor/observations/log-parts";
import type { LineError } from "@/lib/monitor/observations/parse-lines";
import type { UnmappedEvent } from "@/lib/monitor/observations/unmapped-events";

// Under the 1 MB a server action's request may carry, with room for the form around it.
const PART_BYTES = 768 * 1024;
const MAX_REJECTED_SHOWN = 200;

/** How far the upload is, in the file's unpacked bytes: sent (and answered) of all there are. */
export type UploadProgress = { sentBytes: number; totalBytes: number; accepted: number };
type Upload = (previous: UploadResult | null, form: FormData) => Promise<UploadResult>;

const isGzip = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b;

/** A gzip file's unpacked size, from the four bytes that end it (modulo 4 GiB, as gzip keeps it). */
async function unpackedSize(file: File): Promise<number> {
  const tail = new DataView(await file.slice(-4).arrayBuffer());
  return tail.byteLength === 4 ? tail.getUint32(0, true) : 0;
}

/**
 * Reads the file as a stream (unpacking gzip in the browser), sends it a part at a time,
 * and adds the answers up: every line's problem by its line in the file, each order's
 * latest verdict. A part that fails stops the upload; what earlier parts sent is kept, and
 * sending the file again changes nothing for those lines.
 */
export async function uploadInParts(file: File, upload: Upload, onProgress: (progress: UploadProgress) => void): Promise<UploadResult> {
  const packed = await peek(file.stream(), 2);
  const gzip = isGzip(packed.head);
  const unpacked = gzip ? packed.stream.pipeThrough(new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : packed.stream;
  const totalBytes = gzip ? await unpackedSize(file) : file.size;
  const { head, stream } = await peek(unpacked, 256);
  const format = logFormatOf(file.name, new TextDecoder().decode(head));

  let accepted = 0;
  const rejected: LineError[] = [];
  let rejectedCount = 0;
  const cascade = new Map<string, CascadeMapEntry>();
  const unmapped = new Map<string, UnmappedEvent>();
  const stopped = (message: string): UploadResult => ({
    ok: false,
    message: accepted > 0 ? `${message} The first ${accepted.toLocaleString("en-US")} lines are kept; upload the file again to finish (lines already kept change nothing).` : message,
    rejected,
  });
  let part = 0;
  try {
    let sentBytes = 0;
    for await (const { bytes, lineOffset, fileBytes } of logParts(stream, format, PART_BYTES)) {
      const form = new FormData();
      form.set("logs", new File([bytes as BlobPart], `part-${++part}.${format}`, { type: format === "csv" ? "text/csv" : "application/x-ndjson" }));
      form.set("lineOffset", String(lineOffset));
      const answer = await upload(null, form);
      // A part with no readable line is a part of bad lines, not a failed upload.
      if (!answer.ok && !answer.rejected) return stopped(answer.message);
      for (const line of answer.rejected ?? []) if (rejected.length < MAX_REJECTED_SHOWN) rejected.push(line);
      rejectedCount += answer.ok ? answer.rejectedTotal : (answer.rejected?.length ?? 0);
      if (answer.ok) {
        accepted += answer.accepted;
        for (const entry of answer.cascade) cascade.set(entry.order, entry);
        for (const event of answer.unmapped) {
          const key = `${event.system} ${event.event}`;
          const seen = unmapped.get(key);
          unmapped.set(key, seen ? { ...seen, lines: seen.lines + event.lines } : event);
        }
      }
      sentBytes += fileBytes;
      // A gzip file of several members (or over 4 GiB) misstates its size: never past 99% before the end.
      onProgress({ sentBytes: Math.min(sentBytes, Math.floor(totalBytes * 0.99)), totalBytes, accepted });
    }
  } catch (error) {
    if (error instanceof LogLineTooLongError) return stopped(error.message);
    if (error instanceof TypeError && /gzip|decompress|incorrect header|invalid/i.test(error.message)) return stopped("The file looks gzip-compressed but could not be unpacked.");
    return stopped("The upload stopped: the connection failed or the file could not be read.");
  }
  onProgress({ sentBytes: totalBytes, totalBytes, accepted });
  if (accepted === 0) return { ok: false, message: rejectedCount > 0 ? "No line could be read." : "The file holds no lines.", rejected };
  return { ok: true, accepted, rejected, rejectedTotal: rejectedCount, cascade: [...cascade.values()], unmapped: [...unmapped.values()] };
}
