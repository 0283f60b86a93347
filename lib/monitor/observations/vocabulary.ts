import { z } from "zod";
import { CHAIN_STEPS } from "@/lib/bus/chain-steps";
import { EVENT, isEventName, type EventName } from "@/lib/bus/event-names";
import type { SystemName } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import { SYSTEM_ALIASES } from "./system-names";

/** One of a watched stack's words: its system's event (and status), and the Handoff events it stands for. */
export type Mapping = { system: SystemName; event: string; status: string; means: EventName[] };

/** How a stack's words are read: looked up per line, with Handoff's own names always understood. */
export type Vocabulary = { mappings: Mapping[]; lookup: Map<string, EventName[]> };

const keyOf = (system: string, event: string, status: string) => `${system}\u0000${event}\u0000${status}`;

export function vocabularyOf(mappings: Mapping[]): Vocabulary {
  return { mappings, lookup: new Map(mappings.map((mapping) => [keyOf(mapping.system, mapping.event, mapping.status), mapping.means])) };
}

/**
 * The Handoff events a line may stand for: a mapping for its status first, then one for
 * any status, then Handoff's own name; null when nothing knows the word (an unmapped event).
 */
export function meaningOf(vocabulary: Vocabulary, line: { system: SystemName; eventType: string; status?: string | null }): EventName[] | null {
  const { lookup } = vocabulary;
  if (line.status) {
    const exact = lookup.get(keyOf(line.system, line.eventType, line.status));
    if (exact) return exact;
  }
  const any = lookup.get(keyOf(line.system, line.eventType, ""));
  if (any) return any;
  return isEventName(line.eventType) ? [line.eventType] : null;
}

export async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const rows = await db.observationMapping.findMany({ orderBy: [{ system: "asc" }, { event: "asc" }, { status: "asc" }] });
  return vocabularyOf(rows.map((row) => ({ system: row.system, event: row.event, status: row.status, means: row.means.filter(isEventName) })));
}

const HANDOFF_EVENTS = Object.values(EVENT);

const mappingSchema = z.object({
  system: z.string("system is required").transform((value, ctx) => {
    const system = ownValue(SYSTEM_ALIASES, value.trim().toLowerCase());
    if (!system) ctx.addIssue({ code: "custom", message: `system must be one of pos, oms, wms, storefront, notification (got "${value}")` });
    return system ?? "OMS";
  }),
  event: z.string("event is required").trim().min(1, "event is required").max(100, "event is at most 100 characters"),
  status: z.string().trim().max(100, "status is at most 100 characters").optional().default(""),
  means: z
    .array(z.enum(HANDOFF_EVENTS, { error: (issue) => `"${String(issue.input)}" is not a Handoff event (one of ${HANDOFF_EVENTS.join(", ")})` }), "means must list Handoff events")
    .min(1, "means must name at least one Handoff event")
    .max(10, "means lists at most 10 events"),
});

/** A whole vocabulary as PUT sends it: refused whole, with the path of each problem, if any mapping is wrong. */
export const vocabularySchema = z
  .object({ mappings: z.array(mappingSchema, "mappings must be a list").max(1_000, "a vocabulary has at most 1,000 mappings") }, "Send {\"mappings\":[…]}.")
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.mappings.forEach((mapping, index) => {
      const key = keyOf(mapping.system, mapping.event, mapping.status);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["mappings", index], message: `${mapping.system.toLowerCase()} "${mapping.event}"${mapping.status ? ` with status "${mapping.status}"` : ""} is mapped twice` });
      seen.add(key);
    });
  });

/** Handoff's own events, each with the chain steps it stands for, for a stack's mapper to read. */
export function handoffEvents() {
  return HANDOFF_EVENTS.map((event) => ({
    event,
    steps: CHAIN_STEPS.filter((step) => step.event === event).map((step) => ({ chain: step.chain, step: step.id, stepNumber: step.stepNumber, source: step.source, target: step.target, description: step.description })),
  }));
}
