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
export const TRANSITION_EVENTS: Record<Exclude<OrderStatus, "PLACED">, string> = {
  PICKING: "order.picking_started",
  READY: "order.ready",
  PICKED_UP: "order.picked_up",
  CANCELED: "order.canceled",
  NO_SHOW: "order.no_show",
};

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

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: "Order placed",
  PICKING: "Being picked",
  READY: "Ready for pickup",
  PICKED_UP: "Picked up",
  CANCELED: "Canceled",
  NO_SHOW: "Not collected",
};
