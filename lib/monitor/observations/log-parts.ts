/**
 * A log file cut into parts small enough for one request each, at record boundaries, so a
 * file of any size is read and sent a part at a time (the browser holds one part, the
 * server one request). Works on bytes: a line feed and a double quote never occur inside
 * a UTF-8 sequence, so cutting there never splits a character. A CSV's record may hold line
 * breaks inside quotes: a cut is only made where the quotes seen so far are balanced, and
 * every later part starts with the file's header so it reads on its own.
 */

export type LogFormat = "ndjson" | "csv";

export type LogPart = {
  bytes: Uint8Array;
  /** Added to a line number the server reports for this part to give the line in the file. */
  lineOffset: number;
  /** How many of the (unpacked) file's bytes the part holds: without the header it repeats. */
  fileBytes: number;
};

export class LogLineTooLongError extends Error {
  constructor(readonly line: number, readonly limit: number) {
    super(`Line ${line} is longer than ${Math.floor(limit / 1024)} KB; no log line should be.`);
  }
}

const LF = 0x0a;
const QUOTE = 0x22;
const BOM = [0xef, 0xbb, 0xbf];

const concat = (chunks: Uint8Array[], length: number) => {
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
};

const countLines = (bytes: Uint8Array) => {
  let lines = 0;
  for (const byte of bytes) if (byte === LF) lines++;
  return lines;
};

/** The index just past the last record boundary in `bytes` (0 when there is none), with quotes balanced there for CSV. */
function lastBoundary(bytes: Uint8Array, format: LogFormat, end = bytes.length): number {
  if (format === "ndjson") return bytes.lastIndexOf(LF, end - 1) + 1;
  let quotes = 0;
  let boundary = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === QUOTE) quotes++;
    else if (bytes[i] === LF && quotes % 2 === 0) boundary = i + 1;
  }
  return boundary;
}

/**
 * The parts of a stream of the file's bytes (already unpacked), each at most `partBytes`
 * long with its header. A record longer than that is refused: it is no log line.
 */
export async function* logParts(stream: ReadableStream<Uint8Array>, format: LogFormat, partBytes: number): AsyncGenerator<LogPart> {
  const reader = stream.getReader();
  let chunks: Uint8Array[] = [];
  let buffered = 0;
  let header: Uint8Array | null = null;
  let linesSent = 0;
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      if (next.value) {
        chunks.push(next.value);
        buffered += next.value.length;
      }
      done = next.done;
      // What a part may hold besides the header that later parts carry.
      const room = () => partBytes - (linesSent > 0 && header ? header.length : 0);
      while (buffered > room() || (done && buffered > 0)) {
        let bytes = concat(chunks, buffered);
        if (header === null && format === "csv") {
          const headerEnd = lastBoundary(bytes, format, Math.min(bytes.length, bytes.indexOf(LF) + 1 || bytes.length));
          if (headerEnd === 0 && !done) break;
          // Later parts carry the header without the byte-order mark that only starts a file.
          const start = BOM.every((byte, i) => bytes[i] === byte) ? BOM.length : 0;
          header = bytes.slice(start, headerEnd || bytes.length);
        }
        const limit = room();
        let cut = done && bytes.length <= limit ? bytes.length : lastBoundary(bytes, format, Math.min(bytes.length, limit));
        if (cut === 0) {
          if (bytes.length > limit) throw new LogLineTooLongError(linesSent + 1, partBytes);
          if (!done) break;
          cut = bytes.length;
        }
        const body = bytes.subarray(0, cut);
        const withHeader = linesSent > 0 && header !== null;
        yield {
          bytes: withHeader ? concat([header!, body], header!.length + body.length) : body.slice(),
          // A later CSV part's first line is its header, which is the file's line 1, not a line of this part.
          lineOffset: withHeader ? linesSent - 1 : linesSent,
          fileBytes: body.length,
        };
        linesSent += countLines(body);
        bytes = bytes.subarray(cut);
        chunks = bytes.length ? [bytes] : [];
        buffered = bytes.length;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Whether a file is CSV: by its name (.csv, .csv.gz), else by a first line naming columns separated by , ; or tab. */
export function logFormatOf(fileName: string, start: string): LogFormat {
  const name = fileName.toLowerCase().replace(/\.gz$/, "");
  return name.endsWith(".csv") || /^\uFEFF?\s*"?[a-z_]+"?\s*[,;\t]/i.test(start.slice(0, 200)) ? "csv" : "ndjson";
}

/** The stream's first `bytes` (or all of it, if shorter) and the same stream whole, so a format can be told before reading on. */
export async function peek(stream: ReadableStream<Uint8Array>, bytes: number): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await reader.read();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = concat(chunks, length);
  return {
    head: head.subarray(0, bytes),
    stream: new ReadableStream<Uint8Array>({
      start(controller) {
        if (head.length) controller.enqueue(head);
        if (ended) controller.close();
      },
      async pull(controller) {
        if (ended) return;
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    }),
  };
}
