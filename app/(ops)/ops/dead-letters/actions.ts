"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { replayDeliveries } from "@/lib/bus/replay";
import { getDb } from "@/lib/platform/db/prisma";
import { formInput } from "@/lib/platform/http/action-input";

const replaySchema = z.object({ scope: z.enum(["selected", "all"]), ids: z.array(z.uuid()).max(1000) });

/** Requeues dead letters: the ones ticked, or every one. */
export async function replayDeadLettersAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return { ok: false, message: "Only an admin can replay dead letters." };
  const parsed = replaySchema.safeParse({ scope: formData.get("scope"), ids: formData.getAll("ids") });
  if (!parsed.success) return { ok: false, message: "That selection is not valid. Reload the page and try again." };
  if (parsed.data.scope === "selected" && parsed.data.ids.length === 0) return { ok: false, message: "Tick the dead letters to replay first." };
  const { length: count } = await replayDeliveries(getDb(), parsed.data.scope === "all" ? {} : { ids: parsed.data.ids });
  revalidatePath("/ops/dead-letters");
  return { ok: true, message: count === 1 ? "1 delivery queued again." : `${count} deliveries queued again.` };
}
