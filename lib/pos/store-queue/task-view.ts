import { EVENT } from "@/lib/bus/event-names";
import { canApplyAtPos } from "@/lib/pos/task-status";
import { unitsOpen } from "./pick";
import { isWaitingAtCounter, taskTimes } from "./queue";
import type { ScopedTask } from "./scope";

/** One order as the tablet shows it: its pick list and where it stands. */
export type StoreTaskView = ReturnType<typeof toTaskView>;

export function toTaskView(task: ScopedTask, store: { name: string; timeZone: string }, now = new Date()) {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    generatedAt: now.toISOString(),
    orderNumber: task.orderNumber,
    storeCode: task.storeCode,
    storeName: store.name,
    timeZone: store.timeZone,
    status: task.status,
    canHandOver: canApplyAtPos(EVENT.pickupCompleted, task.status),
    canCancel: canApplyAtPos(EVENT.orderCanceled, task.status),
    canReject: canApplyAtPos(EVENT.orderRejected, task.status),
    rejectReason: task.rejectReason,
    reroutedFrom: task.reroutedFrom,
    splitFromNumber: task.splitFromNumber,
    collectorName: task.collectorName,
    holdUntil: iso(task.holdUntil),
    customerFirstName: task.customerFirstName,
    pickupMethod: task.pickupMethod,
    itemCount: task.itemCount,
    ...taskTimes(task),
    stagingBin: task.stagingBin,
    waitingAtCounter: isWaitingAtCounter(task),
    parkingBay: task.parkingBay,
    carDescription: task.carDescription,
    failedCodeAttempts: task.failedCodeAttempts,
    handoverLocked: task.handoverLockedAt !== null,
    stockAlert: task.stockAlert,
    closedAt: iso(task.closedAt),
    lines: task.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      imageUrl: line.imageUrl,
      barcode: line.barcode,
      location: line.location,
      picked: line.pickedQuantity,
      short: line.shortQuantity,
      shortReason: line.shortReason,
      open: unitsOpen(line),
    })),
  };
}
