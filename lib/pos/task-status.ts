import { EVENT } from "@/lib/bus/event-names";
// The store queue's own statuses and which associate action may move a task where.
// The OMS's outcomes (canceled, picked up, no-show) arrive over the bus and always win.

// "rejected": the store cannot fill it; the OMS moves it to another store (or cancels it).
export const POS_TASK_STATUSES = ["new", "picking", "rejected", "ready", "picked_up", "canceled", "no_show"] as const;
export type PosTaskStatus = (typeof POS_TASK_STATUSES)[number];

export const CLOSED_TASK_STATUSES: readonly PosTaskStatus[] = ["picked_up", "canceled", "no_show"];

export const POS_TASK_TRANSITIONS = {
  [EVENT.orderPickingStarted]: { from: ["new"], to: "picking" },
  // A POS may report ready without announcing the pick first (the OMS allows it too).
  [EVENT.orderReady]: { from: ["new", "picking"], to: "ready" },
  [EVENT.pickupCompleted]: { from: ["ready"], to: "picked_up" },
  [EVENT.orderCanceled]: { from: ["new", "picking", "ready"], to: "canceled" },
  [EVENT.orderRejected]: { from: ["new", "picking"], to: "rejected" },
  // Short while picking; at the handover, the customer declining items leaves the order ready.
  [EVENT.orderLinesShorted]: { from: ["new", "picking", "ready"], to: "unchanged" },
} as const satisfies Record<string, { from: readonly PosTaskStatus[]; to: PosTaskStatus | "unchanged" }>;

export type PosAction = keyof typeof POS_TASK_TRANSITIONS;

export function canApplyAtPos(action: PosAction, status: string): boolean {
  return (POS_TASK_TRANSITIONS[action].from as readonly string[]).includes(status);
}
