import { EVENT } from "@/lib/bus/event-names";
import type { Staff } from "@/lib/platform/auth/staff";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { writePosEvent } from "@/lib/pos/record-pos-event";
import { writeAudit } from "./audit";
import { taskInScope, type ScopedTask } from "./scope";
import type { ShortReason } from "./short-reasons";

export const unitsOpen = (line: { quantity: number; pickedQuantity: number; shortQuantity: number }) => line.quantity - line.pickedQuantity - line.shortQuantity;

async function announcePickStarted(tx: Tx, staff: Staff, task: ScopedTask, at: Date) {
  if (task.status === "new") await writePosEvent(tx, { orderId: task.orderId, type: EVENT.orderPickingStarted, associate: staff.name, at });
}

export async function startPicking(db: Db, staff: Staff, orderNumber: number, now = new Date()) {
  await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, orderNumber);
    await writePosEvent(tx, { orderId: task.orderId, type: EVENT.orderPickingStarted, associate: staff.name, at: now });
  });
  await wakeDispatcher(db);
}

export type PickInput = { orderNumber: number; sku?: string; barcode?: string };

/**
 * One unit of a line confirmed, by a tap (sku) or a scan (barcode). The first
 * confirmation of a new order starts its pick. A scan of something not on the order,
 * or of a line already complete, is refused with the reason.
 */
export async function confirmPick(db: Db, staff: Staff, input: PickInput, now = new Date()) {
  const picked = await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, input.orderNumber);
    if (task.status !== "new" && task.status !== "picking") {
      throw new DomainError("INVALID_TRANSITION", `Order H-${task.orderNumber} is ${task.status.replace("_", " ")}; its pick is closed.`);
    }
    const line = task.lines.find((candidate) => (input.barcode ? candidate.barcode === input.barcode : candidate.sku === input.sku));
    if (!line) throw new DomainError("NOT_FOUND", input.barcode ? `Barcode ${input.barcode} is not on order H-${task.orderNumber}.` : `That item is not on order H-${task.orderNumber}.`);
    const { count } = await tx.posOrderLine.updateMany({
      where: { id: line.id, pickedQuantity: { lt: line.quantity - line.shortQuantity } },
      data: { pickedQuantity: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", `All of ${line.name} is already picked.`);
    await announcePickStarted(tx, staff, task, now);
    return { name: line.name, picked: line.pickedQuantity + 1, of: line.quantity - line.shortQuantity };
  });
  await wakeDispatcher(db);
  return picked;
}

/**
 * Takes back one confirmed unit of a line (a mis-tap or a wrong scan) while the pick is
 * open. The guard is the UPDATE's own WHERE, so two undos cannot take back the same unit.
 */
export async function undoPick(db: Db, staff: Staff, input: { orderNumber: number; sku: string }) {
  return db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, input.orderNumber);
    if (task.status !== "new" && task.status !== "picking") {
      throw new DomainError("INVALID_TRANSITION", `Order H-${task.orderNumber} is ${task.status.replace("_", " ")}; its pick is closed.`);
    }
    const line = task.lines.find((candidate) => candidate.sku === input.sku);
    if (!line) throw new DomainError("NOT_FOUND", `That item is not on order H-${task.orderNumber}.`);
    const { count } = await tx.posOrderLine.updateMany({ where: { id: line.id, pickedQuantity: { gt: 0 } }, data: { pickedQuantity: { decrement: 1 } } });
    if (count === 0) throw new DomainError("CONFLICT", `No ${line.name} is picked yet.`);
    return { name: line.name, picked: line.pickedQuantity - 1, of: line.quantity - line.shortQuantity };
  });
}

/**
 * Units of a line the customer will not collect (short on the shelf, or declined at the
 * handover): the line and the card's item count say so, and the OMS hears of it.
 */
export async function leaveOut(tx: Tx, input: { task: ScopedTask; line: ScopedTask["lines"][number]; quantity: number; reason: string; staff: Staff; at: Date; unpick?: boolean }) {
  const { task, line, quantity, reason } = input;
  // Guarded in the UPDATE itself: two quick taps cannot leave out more units than are still open
  // to pick (a short) or were picked (a decline at the handover).
  const taken = input.unpick ? quantity : 0;
  const count = await tx.$executeRaw`
    UPDATE "PosOrderLine" SET "shortQuantity" = "shortQuantity" + ${quantity}, "shortReason" = ${reason}, "pickedQuantity" = "pickedQuantity" - ${taken}
     WHERE "id" = ${line.id}::uuid
       AND (CASE WHEN ${input.unpick === true} THEN "pickedQuantity" >= ${quantity} ELSE "quantity" - "pickedQuantity" - "shortQuantity" >= ${quantity} END)`;
  if (count === 0) throw new DomainError("CONFLICT", `${line.name} changed on another tap or tablet meanwhile. Look at the line again.`);
  await tx.posOrderTask.update({ where: { orderId: task.orderId }, data: { itemCount: { decrement: quantity } } });
  await writePosEvent(tx, { orderId: task.orderId, type: EVENT.orderLinesShorted, associate: input.staff.name, at: input.at, data: { lines: [{ sku: line.sku, quantity, reason }] } });
}

export type ShortInput = { orderNumber: number; sku: string; quantity: number; reason: ShortReason };

/**
 * Units of a line the associate cannot supply. The POS records them, tells the OMS
 * (which releases them, lowers the charge, or cancels an order with nothing left) and
 * writes the audit entry, all in one transaction.
 */
export async function markShort(db: Db, staff: Staff, input: ShortInput, device: string | null, now = new Date()) {
  await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, input.orderNumber);
    const line = task.lines.find((candidate) => candidate.sku === input.sku);
    if (!line) throw new DomainError("NOT_FOUND", `That item is not on order H-${task.orderNumber}.`);
    if (input.quantity > unitsOpen(line)) {
      throw new DomainError("INVALID_INPUT", `Only ${unitsOpen(line)} of ${line.name} are still to pick, so ${input.quantity} cannot be short.`, { field: "quantity" });
    }
    await announcePickStarted(tx, staff, task, now);
    await leaveOut(tx, { task, line, quantity: input.quantity, reason: input.reason, staff, at: now });
    await writeAudit(tx, { action: "short_pick", task, staff, device, at: now, details: { sku: line.sku, name: line.name, quantity: input.quantity, reason: input.reason } });
  });
  await wakeDispatcher(db);
}
