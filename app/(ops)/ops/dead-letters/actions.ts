"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { replayDeliveries } from "@/lib/bus/replay";
import { getDb } from "@/lib/platform/db/prisma";

const INVALID = "That selection is not valid. Reload the page and try again.";
const replaySchema = z.object({
  scope: z.enum(["selected", "all"], INVALID),
  // A form sends one ticked box as a value, several as a list, none as nothing.
  ids: z.preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(z.uuid(INVALID), INVALID).max(1000, INVALID)),
});

/** Requeues dead letters: the ones ticked, or every one. */
export async function replayDeadLettersAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: ADMIN_ROLES, denied: "Only an admin can replay dead letters.", form: true }, replaySchema, formData, async ({ scope, ids }) => {
    if (scope === "selected" && ids.length === 0) return { ok: false, message: "Tick the dead letters to replay first." };
    const { length: count } = await replayDeliveries(getDb(), scope === "all" ? {} : { ids });
    revalidatePath("/ops/dead-letters");
    return { ok: true, message: count === 1 ? "1 delivery queued again." : `${count} deliveries queued again.` };
  });
}
