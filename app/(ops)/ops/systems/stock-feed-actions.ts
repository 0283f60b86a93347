"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { rotateStockFeedSecret } from "@/lib/oms/stock-feed/stock-feed-secret";

const storeSchema = z.object({ storeCode: z.string("Unknown store.").trim().min(1, "Unknown store.").max(40, "Unknown store.") });

export async function rotateStockFeedSecretAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: ADMIN_ROLES, denied: "Only an admin can rotate stock feed secrets.", form: true }, storeSchema, formData, async ({ storeCode }) => {
    const rotated = await rotateStockFeedSecret(getDb(), storeCode);
    if (!rotated) return { ok: false, message: `There is no store ${storeCode}.` };
    revalidatePath("/ops/systems");
    return { ok: true, message: `Stock feed secret for ${rotated.storeCode}: ${rotated.secret} — copy it to the store's POS now; it is not shown again.` };
  });
}
