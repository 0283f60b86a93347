"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { OPS_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { describeResync, resyncAndConfirm } from "@/lib/monitor/cascade/resync-and-confirm";
import { getDb } from "@/lib/platform/db/prisma";
import { orderNumberSchema } from "@/lib/platform/format/order-number";

const resyncSchema = z.object({ orderNumber: orderNumberSchema });

/** Re-sync one order from its cascade page (managers and admins). */
export async function resyncOrderAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: OPS_ROLES, denied: "Only a manager or an admin can re-sync orders.", form: true }, resyncSchema, formData, async ({ orderNumber }) => {
    const db = getDb();
    const order = await db.order.findUnique({ where: { number: orderNumber }, select: { id: true } });
    if (!order) return { ok: false, message: `Order H-${orderNumber} was not found.` };
    const [outcome] = await resyncAndConfirm(db, [order.id]);
    revalidatePath(`/ops/orders/${orderNumber}`);
    return { ok: outcome!.settled, message: describeResync([outcome!]) };
  });
}
