import { describe, expect, it } from "vitest";
import { LogLineTooLongError, logParts, type LogFormat } from "@/lib/monitor/observations/log-parts";
import { parseCsv, parseNdjson } from "@/lib/monitor/observations/parse-lines";

/** The text as a stream arriving in chunks of `chunkBytes`, as a file's stream does. */
function streamOf(text: string, chunkBytes: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkBytes));
      at += chunkBytes;
    },
  });
}

async function partsOf(text: string, format: LogFormat, partBytes: number, chunkBytes = 7) {
  const parts: { text: string; lineOffset: number; size: number }[] = [];
  for await (const part of logParts(streamOf(text, chunkBytes), format, partBytes)) parts.push({ text: new TextDecoder().decode(part.bytes), lineOffset: part.lineOffset, size: part.bytes.length });
  return parts;
}

const at = (i: number) => new Date(Date.UTC(2026, 10, 20, 15, 0, i)).toISOString();

describe("a log file cut into parts", () => {
  it("cuts NDJSON at line ends, within the size, and every line keeps its number in the file", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i === 17 ? "not json" : JSON.stringify({ system: "pos", event: "pickup.completed", order: `Ö-${i}`, at: at(i) })));
    const text = lines.join("\n") + "\n";
    const parts = await partsOf(text, "ndjson", 400);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.every((part) => part.size <= 400 && part.text.endsWith("\n"))).toBe(true);
    expect(parts.map((part) => part.text).join("")).toBe(text);
    const orders = parts.flatMap((part) => parseNdjson(part.text).observations.map((line) => line.orderRef));
    expect(orders).toEqual(lines.flatMap((line, i) => (i === 17 ? [] : [`Ö-${i}`])));
    const rejected = parts.flatMap((part) => parseNdjson(part.text).rejected.map((line) => line.line + part.lineOffset));
    expect(rejected).toEqual([18]);
  });

  it("never cuts a CSV record inside its quotes, gives each later part the header, and numbers lines as the file does", async () => {
    const header = "\uFEFFsystem;event;order;at;status";
    const rows = Array.from({ length: 30 }, (_, i) => `pos;"pickup.completed";O-${i};${i === 20 ? "yesterday" : at(i)};"a note; with a\nline break and ""quotes"""`);
    const text = [header, ...rows].join("\n");
    const parts = await partsOf(text, "csv", 300);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.every((part) => part.size <= 300)).toBe(true);
    expect(parts.slice(1).every((part) => part.text.startsWith("system;event;order;at;status\n"))).toBe(true);
    const read = parts.map((part) => ({ parsed: parseCsv(part.text), offset: part.lineOffset }));
    expect(read.flatMap(({ parsed }) => parsed.observations.map((line) => line.orderRef))).toEqual(rows.flatMap((_, i) => (i === 20 ? [] : [`O-${i}`])));
    // Each record takes two lines after the header: row 20 starts on line 2 + 2 × 20.
    expect(read.flatMap(({ parsed, offset }) => parsed.rejected.map((line) => line.line + offset))).toEqual(parseCsv(text).rejected.map((line) => line.line));
    expect(parseCsv(text).rejected).toHaveLength(1);
  });

  it("sends a small file whole, and refuses a line longer than a part", async () => {
    expect(await partsOf('{"a":1}', "ndjson", 1000)).toEqual([{ text: '{"a":1}', lineOffset: 0, size: 7 }]);
    await expect(partsOf(`${"x".repeat(50)}\n${"y".repeat(500)}\n`, "ndjson", 100)).rejects.toThrow(LogLineTooLongError);
    await expect(partsOf(`${"x".repeat(50)}\n${"y".repeat(500)}\n`, "ndjson", 100)).rejects.toThrow(/Line 2 is longer/);
  });
});
