import { EVENT } from "@/lib/bus/event-names";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

// The order lifecycle as one table. Nothing else decides which status may follow which.
// A store that cannot fill an order sends it back to PLACED at another store (a reroute), or
// first to AWAITING_SHOPPER while the shopper is asked.
export const ORDER_TRANSITIONS = {
  PLACED: ["PICKING", "CANCELED", "AWAITING_SHOPPER", "PLACED"],
  PICKING: ["READY", "CANCELED", "AWAITING_SHOPPER", "PLACED"],
  // A second offer replaces the first when its store ran out before the shopper accepted.
  AWAITING_SHOPPER: ["PLACED", "CANCELED", "AWAITING_SHOPPER"],
  READY: ["PICKED_UP", "CANCELED", "NO_SHOW"],
  PICKED_UP: [],
  CANCELED: [],
  NO_SHOW: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export const INITIAL_ORDER_STATUS = "PLACED" satisfies OrderStatus;

/** The event each transition announces on the bus. */
export const TRANSITION_EVENTS = {
  // Back to PLACED only at another store.
  PLACED: EVENT.orderRerouted,
  PICKING: EVENT.orderPickingStarted,
  AWAITING_SHOPPER: EVENT.orderRerouteOffered,
  READY: EVENT.orderReady,
  PICKED_UP: EVENT.orderPickedUp,
  CANCELED: EVENT.orderCanceled,
  NO_SHOW: EVENT.orderNoShow,
} as const satisfies Record<OrderStatus, string>;

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

/** Statuses an order can still leave: it holds stock, a window and an authorization. */
export const OPEN_ORDER_STATUSES: OrderStatus[] = ALL_ORDER_STATUSES.filter(isOpenStatus);
