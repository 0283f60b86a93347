import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { ROUTES } from "@/lib/bus/chain-steps";

const SYSTEMS = ["STOREFRONT", "OMS", "WMS", "POS", "NOTIFICATION"] as const;

export const faultRuleSchema = z
  .object({
    source: z.enum(SYSTEMS, "Choose the sending system."),
    target: z.enum(SYSTEMS, "Choose the receiving system."),
    eventType: z.string().trim().max(100).optional().transform((value) => value || null),
    storeCode: z.string().trim().toUpperCase().max(20).optional().transform((value) => value || null),
    kind: z.enum(["DROP", "CORRUPT", "WRONG_TYPE", "HTTP_500", "DELAY", "PAUSE"], "Choose what goes wrong."),
    probability: z.coerce.number().min(0.01, "Probability must be between 1% and 100%.").max(1, "Probability must be between 1% and 100%.").default(1),
    delayMs: z.coerce.number().int().min(1, "A delay needs at least 1 ms.").max(600_000, "At most 10 minutes.").optional(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((rule, ctx) => {
    const boundary = ROUTES.filter((route) => route.source === rule.source && route.target === rule.target);
    if (boundary.length === 0) ctx.addIssue({ code: "custom", path: ["target"], message: `No events cross from ${rule.source} to ${rule.target}.` });
    else if (rule.eventType && !boundary.some((route) => route.type === rule.eventType)) {
      ctx.addIssue({ code: "custom", path: ["eventType"], message: `${rule.eventType} does not cross from ${rule.source} to ${rule.target}; it carries ${boundary.map((r) => r.type).join(", ")}.` });
    }
    if (rule.kind === "DELAY" && rule.delayMs === undefined) ctx.addIssue({ code: "custom", path: ["delayMs"], message: "Say how long the delay is." });
  });

export type FaultRuleInput = z.output<typeof faultRuleSchema>;

/** Adds a rule; one scoped to a store needs a store with that code, or it would never fire. */
export async function addFaultRule(db: Db, input: FaultRuleInput) {
  if (input.storeCode && !(await db.store.findUnique({ where: { code: input.storeCode }, select: { id: true } }))) {
    throw new DomainError("INVALID_INPUT", `No store has the code ${input.storeCode}.`, { field: "storeCode" });
  }
  return db.faultRule.create({ data: { ...input, delayMs: input.delayMs ?? null, note: input.note ?? null } });
}

export async function removeFaultRule(db: Db, id: string) {
  return db.faultRule.deleteMany({ where: { id } });
}

export async function setFaultRuleEnabled(db: Db, id: string, enabled: boolean) {
  return db.faultRule.updateMany({ where: { id }, data: { enabled } });
}

/** The boundaries (and their event types) a fault can be put on: every route of the bus. */
export function faultableBoundaries() {
  const boundaries = new Map<string, { source: string; target: string; eventTypes: string[] }>();
  for (const route of ROUTES) {
    const key = `${route.source}>${route.target}`;
    const entry = boundaries.get(key) ?? { source: route.source, target: route.target, eventTypes: [] };
    entry.eventTypes.push(route.type);
    boundaries.set(key, entry);
  }
  return [...boundaries.values()];
}
