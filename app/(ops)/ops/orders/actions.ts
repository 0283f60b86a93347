"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { OPS_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { describeResync, resyncAndConfirm } from "@/lib/monitor/cascade/resync-and-confirm";
import { getDb } from "@/lib/platform/db/prisma";
import { orderNumberSchema } from "@/lib/platform/format/order-number";
import { formInput } from "@/lib/platform/http/action-input";

const resyncSchema = z.object({ orderNumber: orderNumberSchema });

/** Re-sync one order from its cascade page (managers and admins). */
export async function resyncOrderAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  if (!(await staffWithRole(OPS_ROLES))) return { ok: false, message: "Only a manager or an admin can re-sync orders." };
  const parsed = resyncSchema.safeParse({ orderNumber: formData.get("orderNumber") });
  if (!parsed.success) return { ok: false, message: "That is not an order number." };
  const db = getDb();
  const order = await db.order.findUnique({ where: { number: parsed.data.orderNumber }, select: { id: true } });
  if (!order) return { ok: false, message: `Order H-${parsed.data.orderNumber} was not found.` };
  const [outcome] = await resyncAndConfirm(db, [order.id]);
  revalidatePath(`/ops/orders/${parsed.data.orderNumber}`);
  return { ok: outcome!.settled, message: describeResync([outcome!]) };
}
