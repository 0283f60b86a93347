"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { rotateStockFeedSecret } from "@/lib/oms/stock-feed/stock-feed-secret";
import { storeCodeSchema } from "@/lib/oms/stock-feed/stock-feed-request";
import { formInput } from "@/lib/platform/http/action-input";

export async function rotateStockFeedSecretAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(ADMIN_ROLES))) return { ok: false, message: "Only an admin can rotate stock feed secrets." };
  const parsed = storeCodeSchema.safeParse(formData.get("storeCode"));
  if (!parsed.success) return { ok: false, message: "Unknown store." };
  const rotated = await rotateStockFeedSecret(getDb(), parsed.data);
  if (!rotated) return { ok: false, message: `There is no store ${parsed.data}.` };
  revalidatePath("/ops/systems");
  return { ok: true, message: `Stock feed secret for ${rotated.storeCode}: ${rotated.secret} — copy it to the store's POS now; it is not shown again.` };
}
