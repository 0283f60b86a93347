import { EVENT } from "@/lib/bus/event-names";
import type { Staff } from "@/lib/platform/auth/staff";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { writePosEvent } from "@/lib/pos/record-pos-event";
import { writeAudit } from "./audit";
import { taskInScope } from "./scope";
import type { StoreCancelReason } from "./short-reasons";

/** Cancel at the POS: the store's event starts the OMS's cancellation chain (seed 001's write-back). */
export async function cancelAtStore(db: Db, staff: Staff, input: { orderNumber: number; reason: StoreCancelReason }, device: string | null, now = new Date()) {
  await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, input.orderNumber);
    await writePosEvent(tx, { orderId: task.orderId, type: EVENT.orderCanceled, associate: staff.name, at: now, data: { reason: input.reason } });
    await writeAudit(tx, { action: "cancel", task, staff, device, at: now, details: { reason: input.reason } });
  });
  await wakeDispatcher(db);
}
