"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { addFaultRule, faultRuleSchema, removeFaultRule, setFaultRuleEnabled } from "@/lib/bus/faults/manage-faults";
import { formInput } from "@/lib/platform/http/action-input";

const DENIED: ActionResult = { ok: false, message: "Only an admin can inject faults." };
const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

export async function addFaultAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return DENIED;
  const [source, target] = (field(formData, "boundary") ?? ">").split(">");
  const percent = field(formData, "probability");
  const parsed = faultRuleSchema.safeParse({
    source,
    target,
    eventType: field(formData, "eventType"),
    storeCode: field(formData, "storeCode"),
    kind: field(formData, "kind"),
    probability: percent === undefined ? undefined : Number(percent) / 100,
    delayMs: field(formData, "delayMs"),
    note: field(formData, "note"),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  try {
    await addFaultRule(getDb(), parsed.data);
  } catch (error) {
    if (isDomainError(error, "INVALID_INPUT")) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath("/ops/faults");
  return { ok: true, message: `Injecting ${parsed.data.kind.toLowerCase().replace("_", " ")} on ${parsed.data.source} → ${parsed.data.target}.` };
}

const idSchema = z.object({ id: z.uuid(), enabled: z.enum(["true", "false"]).optional() });

export async function removeFaultAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return DENIED;
  const parsed = idSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { ok: false, message: "Unknown fault." };
  await removeFaultRule(getDb(), parsed.data.id);
  revalidatePath("/ops/faults");
  return { ok: true, message: "Fault cleared." };
}

export async function toggleFaultAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return DENIED;
  const parsed = idSchema.safeParse({ id: formData.get("id"), enabled: formData.get("enabled") });
  if (!parsed.success) return { ok: false, message: "Unknown fault." };
  await setFaultRuleEnabled(getDb(), parsed.data.id, parsed.data.enabled === "true");
  revalidatePath("/ops/faults");
  return { ok: true, message: parsed.data.enabled === "true" ? "Fault on." : "Fault paused." };
}
