import { readEnv } from "@/lib/platform/env";

// OTLP's log model, as its JSON encoding writes it (and as the protobuf decodes to):
// resourceLogs[].resource.attributes, scopeLogs[].logRecords[] with attributes and a body.
type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values?: AnyValue[] }; kvlistValue?: { values?: KeyValue[] } };
type KeyValue = { key?: string; value?: AnyValue };
type LogRecord = { timeUnixNano?: string | number; observedTimeUnixNano?: string | number; body?: AnyValue; attributes?: KeyValue[]; eventName?: string };
export type ExportLogsRequest = { resourceLogs?: { resource?: { attributes?: KeyValue[] }; scopeLogs?: { logRecords?: LogRecord[] }[] }[] };

/** Which attributes carry what; the defaults are the contract, each can be renamed. */
const env = readEnv();
export const OTLP_ATTRIBUTES = {
  system: env.HANDOFF_OTLP_SYSTEM_ATTRIBUTE,
  event: env.HANDOFF_OTLP_EVENT_ATTRIBUTE,
  order: env.HANDOFF_OTLP_ORDER_ATTRIBUTE,
  aliases: env.HANDOFF_OTLP_ALIASES_ATTRIBUTE,
  direction: "direction",
  status: "status",
};

/** A list as the message says it is, or nothing: a stranger's JSON may put anything anywhere. */
const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]).filter((item) => item !== null && typeof item === "object") : []);

function scalar(value: AnyValue | undefined): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.boolValue !== undefined) return String(value.boolValue);
  return undefined;
}

const attribute = (attributes: unknown, key: string) => listOf<KeyValue>(attributes).find((pair) => pair.key === key)?.value;

/** Nanoseconds since the epoch (a string in OTLP/JSON, a long in protobuf) as an ISO time; the record's own time first. */
function isoTime(record: LogRecord): string | undefined {
  for (const nanos of [record.timeUnixNano, record.observedTimeUnixNano]) {
    if (nanos === undefined || nanos === null || String(nanos) === "0") continue;
    const digits = String(nanos);
    const millis = /^\d{1,20}$/.test(digits) ? Number(BigInt(digits) / 1_000_000n) : NaN;
    // Not a time a Date can hold: left as written for the line's own check to refuse.
    return Number.isFinite(millis) && millis <= 8.64e15 ? new Date(millis).toISOString() : digits;
  }
  return undefined;
}

/**
 * Each log record as a watched line: the system from the resource's `service.name`, the
 * event from `event.name` (the record's eventName, else its body when it is text), the
 * order from `order.id`, its other ids from `order.aliases`, the time from the record.
 * What is missing or wrong is left for the line's own check to name.
 */
export function linesFromLogs(request: ExportLogsRequest): unknown[] {
  const lines: unknown[] = [];
  for (const resourceLogs of listOf<NonNullable<ExportLogsRequest["resourceLogs"]>[number]>(request.resourceLogs)) {
    const resource = resourceLogs.resource && typeof resourceLogs.resource === "object" ? resourceLogs.resource : {};
    const system = scalar(attribute(resource.attributes, OTLP_ATTRIBUTES.system));
    for (const scopeLogs of listOf<{ logRecords?: LogRecord[] }>(resourceLogs.scopeLogs)) {
      for (const record of listOf<LogRecord>(scopeLogs.logRecords)) {
        const event = scalar(attribute(record.attributes, OTLP_ATTRIBUTES.event)) ?? (typeof record.eventName === "string" && record.eventName ? record.eventName : undefined) ?? scalar(record.body);
        const aliases = attribute(record.attributes, OTLP_ATTRIBUTES.aliases);
        lines.push({
          system,
          event,
          order: scalar(attribute(record.attributes, OTLP_ATTRIBUTES.order)),
          aliases: aliases && typeof aliases === "object" && aliases.arrayValue ? listOf<AnyValue>(aliases.arrayValue.values).map(scalar).filter((alias) => alias !== undefined) : aliases ? [scalar(aliases)] : undefined,
          direction: scalar(attribute(record.attributes, OTLP_ATTRIBUTES.direction)),
          status: scalar(attribute(record.attributes, OTLP_ATTRIBUTES.status)),
          at: isoTime(record),
        });
      }
    }
  }
  return lines;
}
