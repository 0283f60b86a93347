"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { OPS_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { parseJsonText } from "@/lib/platform/http/parse-json";
import { CHANNEL_ADAPTERS } from "@/lib/oms/intake/channels/adapters";
import { discardIntakeOrder } from "@/lib/oms/intake/quarantine";
import { replayIntakeOrder } from "@/lib/oms/intake/receive-channel-order";
import { formatOrderNumber } from "@/lib/platform/format/order-number";

const NO_SUCH_ORDER = "That quarantined order does not exist.";
const replaySchema = z.object({ id: z.uuid(NO_SUCH_ORDER), payload: z.preprocess((value) => value ?? "", z.string().max(256 * 1024, "The order is larger than 256 KB.")) });

/** Tries a quarantined order again with the payload as ops fixed it. */
export async function replayIntakeAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: OPS_ROLES, denied: "Only a manager or an admin can replay quarantined orders.", form: true }, replaySchema, formData, async ({ id, payload }, staff) => {
    const json = parseJsonText(payload);
    if (!json.ok) return { ok: false, message: json.error.replace(/^The body/, "The order") };
    const db = getDb();
    const row = await db.intakeOrder.findUnique({ where: { id }, select: { channel: true } });
    if (!row || row.channel === "WEB") return { ok: false, message: NO_SUCH_ORDER };
    const outcome = await replayIntakeOrder(db, CHANNEL_ADAPTERS[row.channel], id, json.value, staff.name);
    revalidatePath("/ops/intake");
    switch (outcome.status) {
      case "accepted":
        return { ok: true, message: `Placed as ${formatOrderNumber(outcome.orderNumber)} at ${outcome.storeCode}. ${outcome.routing ?? ""}`.trim() };
      case "quarantined":
        return { ok: false, message: `Still in quarantine: ${outcome.reasons.map((reason) => `${reason.path}: ${reason.message}`).join(" · ")}` };
      case "refused":
        return { ok: false, message: outcome.error };
      default:
        return { ok: false, message: "That order is waiting in the intake queue; it will be placed shortly." };
    }
  });
}

const discardSchema = z.object({
  id: z.uuid(NO_SUCH_ORDER),
  reason: z.preprocess((value) => value ?? "", z.string().trim().min(3, "Say why it is discarded.").max(300, "Keep the reason to 300 characters.")),
});

export async function discardIntakeAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: OPS_ROLES, denied: "Only a manager or an admin can discard quarantined orders.", form: true }, discardSchema, formData, async ({ id, reason }, staff) => {
    if (!(await discardIntakeOrder(getDb(), id, staff.name, reason))) return { ok: false, message: "That order is no longer in quarantine." };
    revalidatePath("/ops/intake");
    return { ok: true, message: "Discarded." };
  });
}
