import { EVENT } from "@/lib/bus/event-names";
import { z } from "zod";
import type { Staff } from "@/lib/platform/auth/staff";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { writePosEvent } from "@/lib/pos/record-pos-event";
import { unitsOpen } from "./pick";
import { taskInScope, type ScopedTask } from "./scope";

/** A staging bin label such as A-12: a shelf letter or two and a number. */
export const stagingBinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}-?\d{1,3}$/, "Enter a staging bin such as A-12.")
  .transform((bin) => (bin.includes("-") ? bin : bin.replace(/^([A-Z]+)(\d+)$/, "$1-$2")));

/** Every line picked or marked short, and at least one unit to hand over. */
function assertPickComplete(task: ScopedTask) {
  if (task.status !== "picking") throw new DomainError("INVALID_TRANSITION", `Order H-${task.orderNumber} is ${task.status.replace("_", " ")}, not being picked.`);
  const open = task.lines.filter((line) => unitsOpen(line) > 0);
  if (open.length > 0) throw new DomainError("INVALID_INPUT", `Pick or mark short every line first: ${open.map((line) => line.name).join(", ")} still open.`);
}

export async function stageOrder(db: Db, staff: Staff, input: { orderNumber: number; bin: string }) {
  const task = await taskInScope(db, staff, input.orderNumber);
  const bin = stagingBinSchema.safeParse(input.bin);
  if (!bin.success) throw new DomainError("INVALID_INPUT", bin.error.issues[0]!.message, { field: "bin" });
  assertPickComplete(task);
  await db.posOrderTask.update({ where: { orderId: task.orderId }, data: { stagingBin: bin.data } });
  return bin.data;
}

/** The order is picked and staged: the POS says ready, and the OMS takes it from there. */
export async function markReady(db: Db, staff: Staff, orderNumber: number, now = new Date()) {
  await db.$transaction(async (tx) => {
    const task = await taskInScope(tx, staff, orderNumber);
    assertPickComplete(task);
    if (!task.stagingBin) throw new DomainError("INVALID_INPUT", "Stage the order in a bin before marking it ready.", { field: "bin" });
    await writePosEvent(tx, { orderId: task.orderId, type: EVENT.orderReady, associate: staff.name, at: now, data: { stagingBin: task.stagingBin } });
  });
  await wakeDispatcher(db);
}
