"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { addFaultRule, faultRuleSchema, removeFaultRule, setFaultRuleEnabled } from "@/lib/bus/faults/manage-faults";

const ADMIN_ONLY = { roles: ADMIN_ROLES, denied: "Only an admin can inject faults.", form: true };
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

// The form names the boundary as "SOURCE>TARGET" and the probability in percent.
const newFaultSchema = z.preprocess((raw) => {
  const fields = (raw ?? {}) as Record<string, unknown>;
  const [source, target] = (text(fields.boundary) ?? ">").split(">");
  const percent = text(fields.probability);
  return {
    source,
    target,
    eventType: text(fields.eventType),
    storeCode: text(fields.storeCode),
    kind: text(fields.kind),
    probability: percent === undefined ? undefined : Number(percent) / 100,
    delayMs: text(fields.delayMs),
    note: text(fields.note),
  };
}, faultRuleSchema);

export async function addFaultAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(ADMIN_ONLY, newFaultSchema, formData, async (rule) => {
    await addFaultRule(getDb(), rule);
    revalidatePath("/ops/faults");
    return { ok: true, message: `Injecting ${rule.kind.toLowerCase().replace("_", " ")} on ${rule.source} → ${rule.target}.` };
  });
}

const ruleSchema = z.object({ id: z.uuid("Unknown fault."), enabled: z.enum(["true", "false"], "Unknown fault.").optional() });

export async function removeFaultAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(ADMIN_ONLY, ruleSchema, formData, async ({ id }) => {
    await removeFaultRule(getDb(), id);
    revalidatePath("/ops/faults");
    return { ok: true, message: "Fault cleared." };
  });
}

export async function toggleFaultAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(ADMIN_ONLY, ruleSchema, formData, async ({ id, enabled }) => {
    await setFaultRuleEnabled(getDb(), id, enabled === "true");
    revalidatePath("/ops/faults");
    return { ok: true, message: enabled === "true" ? "Fault on." : "Fault paused." };
  });
}
