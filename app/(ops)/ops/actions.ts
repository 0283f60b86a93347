"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { OPS_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { resolveIncident } from "@/lib/monitor/operations/alerts";
import { formInput } from "@/lib/platform/http/action-input";

const incidentSchema = z.object({ id: z.uuid() });

/** Resolves an open alert by hand (managers and admins); it stays quiet while its condition lasts. */
export async function resolveAlertAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  const staff = await staffWithRole(OPS_ROLES);
  if (!staff) return { ok: false, message: "Only a manager or an admin can resolve alerts." };
  const parsed = incidentSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { ok: false, message: "That alert is not known. Reload the page." };
  const resolved = await resolveIncident(getDb(), parsed.data.id, staff.name);
  revalidatePath("/ops");
  return resolved ? { ok: true, message: "Alert resolved." } : { ok: false, message: "That alert was already resolved." };
}
