import { EVENT } from "@/lib/bus/event-names";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Staff } from "@/lib/platform/auth/staff";
import type { Db } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { canApplyAtPos } from "@/lib/pos/task-status";
import { DECLINED_AT_HANDOVER } from "@/lib/oms/events";
import { writeAudit } from "./audit";
import { taskInScope } from "./scope";
import { leaveOut } from "./pick";

export type DeclineInput = { orderNumber: number; sku: string; quantity: number };

/**
 * At the handover the customer does not want some of what was picked: the units go back to the
 * shelf (the OMS returns them to available and lowers the charge; an order with nothing left is
 * canceled), and the order stays ready for the rest.
 */
export async function declineAtHandover(db: Db, staff: Staff, input: DeclineInput, device: string | null, now = new Date()) {
  await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, input.orderNumber);
    if (!canApplyAtPos(EVENT.pickupCompleted, task.status)) {
      throw new DomainError("INVALID_TRANSITION", `Order H-${task.orderNumber} is ${task.status.replace("_", " ")}; items are declined at the handover of a ready order.`);
    }
    const line = task.lines.find((candidate) => candidate.sku === input.sku);
    if (!line) throw new DomainError("NOT_FOUND", `That item is not on order H-${task.orderNumber}.`);
    if (input.quantity > line.pickedQuantity) {
      throw new DomainError("INVALID_INPUT", `Only ${line.pickedQuantity} of ${line.name} are being handed over, so ${input.quantity} cannot be declined.`, { field: "quantity" });
    }
    // The picked units go back on the shelf.
    await leaveOut(tx, { task, line, quantity: input.quantity, reason: DECLINED_AT_HANDOVER, staff, at: now, unpick: true });
    await writeAudit(tx, { action: "declined_at_handover", task, staff, device, at: now, details: { sku: line.sku, name: line.name, quantity: input.quantity } });
  });
  await wakeDispatcher(db);
}
