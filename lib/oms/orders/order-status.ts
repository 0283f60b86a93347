import { EVENT } from "@/lib/bus/event-names";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

// The order lifecycle as one table. Nothing else decides which status may follow which.
export const ORDER_TRANSITIONS = {
  PLACED: ["PICKING", "CANCELED"],
  PICKING: ["READY", "CANCELED"],
  READY: ["PICKED_UP", "CANCELED", "NO_SHOW"],
  PICKED_UP: [],
  CANCELED: [],
  NO_SHOW: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export const INITIAL_ORDER_STATUS = "PLACED" satisfies OrderStatus;

/** The event each transition announces on the bus. */
export const TRANSITION_EVENTS = {
  PICKING: EVENT.orderPickingStarted,
  READY: EVENT.orderReady,
  PICKED_UP: EVENT.orderPickedUp,
  CANCELED: EVENT.orderCanceled,
  NO_SHOW: EVENT.orderNoShow,
} as const satisfies Record<Exclude<OrderStatus, "PLACED">, string>;

export const ALL_ORDER_STATUSES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return (ORDER_TRANSITIONS[from] as readonly OrderStatus[]).includes(to);
}

/** Statuses from which `to` may be reached: the guard of the conditional UPDATE. */
export function statusesLeadingTo(to: OrderStatus): OrderStatus[] {
  return ALL_ORDER_STATUSES.filter((from) => canTransition(from, to));
}

export function isOpenStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length > 0;
}
