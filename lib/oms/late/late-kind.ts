import type { LateKind } from "@/lib/generated/prisma/enums";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import type { StoreSchedule } from "@/lib/oms/slots/opening-hours";

export type LateFacts = {
  status: string;
  /** When the order reached its store: placed there, or moved there from another. */
  arrivedAt: Date;
  promisedReadyAt: Date;
  /** Kinds already raised for the order. */
  raised: LateKind[];
};

/** When an order placed at `placedAt` should have been started: the store's start target, in its opening time. */
function startBy(schedule: StoreSchedule, placedAt: Date, startTargetMinutes: number): Date | null {
  return addOpeningMinutes(schedule, placedAt, startTargetMinutes);
}

/**
 * Whether an open order is late now, and how: not ready by its promise (the graver, raised
 * whether or not it was started), else not started within the store's start target from when it
 * reached the store. Each kind is raised once per store; a late start is not raised after a
 * missed promise.
 */
export function lateKindOf(order: LateFacts, schedule: StoreSchedule, startTargetMinutes: number, now: Date): LateKind | null {
  if (order.status !== "PLACED" && order.status !== "PICKING") return null;
  if (!order.raised.includes("NOT_READY") && order.promisedReadyAt <= now) return "NOT_READY";
  if (order.raised.length > 0 || order.status !== "PLACED") return null;
  const due = startBy(schedule, order.arrivedAt, startTargetMinutes);
  return due && due <= now ? "NOT_STARTED" : null;
}

/** What the tablet and the store's managers read. */
export function lateMessage(kind: LateKind, order: { arrivedAt: Date; promisedReadyAt: Date }, startTargetMinutes: number, formatTime: (at: Date) => string): string {
  if (kind === "NOT_READY") return `Not ready by ${formatTime(order.promisedReadyAt)} as promised`;
  return `Not started: came in at ${formatTime(order.arrivedAt)}, to be started within ${startTargetMinutes} min`;
}
