import { EVENT } from "@/lib/bus/event-names";
import type { Staff } from "@/lib/platform/auth/staff";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { writePosEvent } from "@/lib/pos/record-pos-event";
import { writeAudit } from "./audit";
import { taskInScope } from "./scope";
import type { RejectReason } from "./short-reasons";

/**
 * The store cannot fill the order: the POS marks it rejected and tells the OMS, which moves it
 * to the next store, asks the shopper first, or cancels it (the retailer's choice); the reroute
 * chain starts here. Allowed until the order is ready.
 */
export async function rejectAtStore(db: Db, staff: Staff, input: { orderNumber: number; reason: RejectReason }, device: string | null, now = new Date()) {
  await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, input.orderNumber);
    await writePosEvent(tx, { orderId: task.orderId, type: EVENT.orderRejected, associate: staff.name, at: now, data: { reason: input.reason }, taskChanges: { rejectReason: input.reason } });
    await writeAudit(tx, { action: "reject", task, staff, device, at: now, details: { reason: input.reason } });
  });
  await wakeDispatcher(db);
}
