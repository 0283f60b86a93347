"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { retailerSettingsSchema, saveRetailerSettings } from "@/lib/oms/retailer-settings";

const DESCRIBED = { AUTO: "Orders a store cannot fill now move to the next store at once.", ASK: "Shoppers are now asked first whether to collect at the next store.", CANCEL: "Orders a store cannot fill are now canceled." } as const;

/** What happens when a store cannot fill an order (admins only). */
export async function saveRetailerSettingsAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: ADMIN_ROLES, denied: "Only an admin can change the retailer's settings.", form: true }, retailerSettingsSchema, formData, async (settings, staff) => {
    await saveRetailerSettings(getDb(), settings, staff.name);
    revalidatePath("/ops/settings");
    return { ok: true, message: `${DESCRIBED[settings.rerouteMode]}${settings.rerouteMode === "ASK" ? ` They have ${settings.rerouteOfferMinutes} minutes to answer.` : ""}` };
  });
}
