"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { OPS_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { resolveIncident } from "@/lib/monitor/operations/alerts";

const incidentSchema = z.object({ id: z.uuid("That alert is not known. Reload the page.") });

/** Resolves an open alert by hand (managers and admins); it stays quiet while its condition lasts. */
export async function resolveAlertAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: OPS_ROLES, denied: "Only a manager or an admin can resolve alerts.", form: true }, incidentSchema, formData, async ({ id }, staff) => {
    const resolved = await resolveIncident(getDb(), id, staff.name);
    revalidatePath("/ops");
    return resolved ? { ok: true, message: "Alert resolved." } : { ok: false, message: "That alert was already resolved." };
  });
}
