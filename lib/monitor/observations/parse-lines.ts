import { parse as parseCsvRecords } from "csv-parse/sync";
import { z } from "zod";
import { describeInputProblem, inspectInput } from "@/lib/platform/http/inspect-input";
import { ownValue } from "@/lib/platform/http/own-value";
import { yieldToOthers } from "@/lib/platform/http/work-gate";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { CLOCK_SKEW_MS } from "./clock-skew";
import { SYSTEM_ALIASES } from "./system-names";

export type ParsedObservation = { system: SystemName; eventType: string; direction: "sent" | "received"; orderRef: string; observedAt: Date; status: string | null; aliases: string[] };
export type LineError = { line: number; errors: string[] };
export type ParsedLines = { observations: (ParsedObservation & { line: number })[]; rejected: LineError[] };


const observationSchema = z.object({
  system: z
    .string({ error: "system is required" })
    .transform((value, ctx) => {
      const system = ownValue(SYSTEM_ALIASES, value.trim().toLowerCase());
      if (!system) ctx.addIssue({ code: "custom", message: `system must be one of pos, oms, wms, storefront, notification (got "${value}")` });
      return system ?? "OMS";
    }),
  event: z.string({ error: "event is required" }).trim().min(1, "event is required").max(100),
  order: z.union([z.string(), z.number()], { error: "order is required" }).transform(String).pipe(z.string().trim().min(1, "order is required").max(100)),
  at: z.iso.datetime({ offset: true, message: "at must be an ISO 8601 date-time" }),
  direction: z.enum(["sent", "received"], "direction must be sent or received").default("received"),
  /** What the receiver recorded (an order status, a generic "status_update"). */
  status: z.union([z.string(), z.number()], "status must be text").transform(String).pipe(z.string().trim().max(100, "status is at most 100 characters")).optional(),
  /** Other ids of the same order (another system's number for it). */
  aliases: z
    .array(z.union([z.string(), z.number()], "each alias must be an order id").transform(String).pipe(z.string().trim().min(1, "an alias cannot be empty").max(100, "an alias is at most 100 characters")), "aliases must be a list of order ids")
    .max(20, "at most 20 aliases per line")
    .optional(),
});

const MAX_LINES = 100_000;

function toObservation(value: unknown, line: number, latest: number): { ok: true; value: ParsedObservation & { line: number } } | { ok: false; error: LineError } {
  const problem = inspectInput(value);
  if (problem) return { ok: false, error: { line, errors: [describeInputProblem(problem)] } };
  const parsed = observationSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: { line, errors: parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)) } };
  const { system, event, order, at, direction, status, aliases } = parsed.data;
  const observedAt = new Date(at);
  // A clock a little ahead is tolerated; one far ahead would make every deadline meaningless.
  if (observedAt.getTime() > latest) return { ok: false, error: { line, errors: [`at: ${at} is more than ${Math.round(CLOCK_SKEW_MS / 1000)} s in the future; check that system's clock`] } };
  return { ok: true, value: { line, system, eventType: event, direction, orderRef: order, observedAt, status: status || null, aliases: [...new Set(aliases ?? [])].filter((alias) => alias !== order) } };
}

// Lines are read in slices: the gentle variants let other requests run between slices, so
// a 20 MB upload never holds the server for the whole of its parse.
const SLICE_LINES = 2_000;

function* ndjsonSlices(text: string, result: ParsedLines): Generator<void> {
  const latest = Date.now() + CLOCK_SKEW_MS;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.slice(0, MAX_LINES).entries()) {
    if (index > 0 && index % SLICE_LINES === 0) yield;
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      result.rejected.push({ line: index + 1, errors: ["not valid JSON"] });
      continue;
    }
    const parsed = toObservation(value, index + 1, latest);
    if (parsed.ok) result.observations.push(parsed.value);
    else result.rejected.push(parsed.error);
  }
  if (lines.length > MAX_LINES) result.rejected.push({ line: MAX_LINES + 1, errors: [`only the first ${MAX_LINES} lines are read`] });
}

/** The separator a spreadsheet export used: whichever of , ; and tab its header line holds most of. */
function delimiterOf(text: string): string {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (separator: string) => header.split(separator).length - 1;
  return [",", ";", "\t"].reduce((best, separator) => (count(separator) > count(best) ? separator : best), ",");
}

// Read by csv-parse, as retailers' exports come: quoted fields holding commas and line
// breaks, a byte-order mark, ; or tab separators, ragged rows.
function* csvSlices(text: string, result: ParsedLines): Generator<void> {
  const latest = Date.now() + CLOCK_SKEW_MS;
  const records = parseCsvRecords(text, {
    bom: true,
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    to_line: MAX_LINES,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) result.rejected.push({ line: Number(error.lines), errors: [error.message] });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  yield;
  const header = (records[0]?.record ?? []).map((cell) => cell.toLowerCase());
  const missing = ["system", "event", "order", "at"].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    result.rejected.push({ line: 1, errors: [`the header must name the columns system, event, order, at (missing ${missing.join(", ")})`] });
    return;
  }
  for (const [index, { record, info }] of records.slice(1).entries()) {
    if (index > 0 && index % SLICE_LINES === 0) yield;
    if (record.every((cell) => cell === "")) continue;
    const value: Record<string, unknown> = Object.fromEntries(header.map((column, i) => [column, record[i] === "" ? undefined : record[i]]));
    // A CSV cell holds one value: several aliases are written A|B.
    if (typeof value.aliases === "string") value.aliases = value.aliases.split("|");
    const parsed = toObservation(value, info.lines, latest);
    if (parsed.ok) result.observations.push(parsed.value);
    else result.rejected.push(parsed.error);
  }
  if (text.split(/\n/, MAX_LINES + 1).length > MAX_LINES) result.rejected.push({ line: MAX_LINES + 1, errors: [`only the first ${MAX_LINES} lines are read`] });
}

type Format = "ndjson" | "csv";
const SLICES: Record<Format, (text: string, result: ParsedLines) => Generator<void>> = { ndjson: ndjsonSlices, csv: csvSlices };

/** Lines already read into objects (from OpenTelemetry records, say), checked like any other line; `line` numbers them from 1. */
export function parseLineObjects(values: unknown[]): ParsedLines {
  const latest = Date.now() + CLOCK_SKEW_MS;
  const result: ParsedLines = { observations: [], rejected: [] };
  values.slice(0, MAX_LINES).forEach((value, index) => {
    const parsed = toObservation(value, index + 1, latest);
    if (parsed.ok) result.observations.push(parsed.value);
    else result.rejected.push(parsed.error);
  });
  if (values.length > MAX_LINES) result.rejected.push({ line: MAX_LINES + 1, errors: [`only the first ${MAX_LINES} lines are read`] });
  return result;
}

/** NDJSON: one `{"system","event","order","at"}` object per line (optionally `"direction":"sent"`); blank lines are skipped. */
export function parseNdjson(text: string): ParsedLines {
  const result: ParsedLines = { observations: [], rejected: [] };
  const slices = ndjsonSlices(text, result);
  while (!slices.next().done);
  return result;
}

/** CSV with a header naming the columns system, event, order, at and optionally direction, status, aliases (any order). */
export function parseCsv(text: string): ParsedLines {
  const result: ParsedLines = { observations: [], rejected: [] };
  const slices = csvSlices(text, result);
  while (!slices.next().done);
  return result;
}

/** parseNdjson or parseCsv, yielding to other requests between slices of lines. */
export async function parseLinesGently(text: string, format: Format): Promise<ParsedLines> {
  const result: ParsedLines = { observations: [], rejected: [] };
  const slices = SLICES[format](text, result);
  while (!slices.next().done) await yieldToOthers();
  return result;
}
