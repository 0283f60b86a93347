/**
 * Every event that crosses the bus, by name. Code refers to these constants, never to
 * the strings, so a renamed event is one edit and a typo does not compile.
 */
export const EVENT = {
  orderCreated: "order.created",
  orderPickingStarted: "order.picking_started",
  orderReady: "order.ready",
  orderCustomerArrived: "order.customer_arrived",
  pickupCompleted: "pickup.completed",
  orderPickedUp: "order.picked_up",
  orderCanceled: "order.canceled",
  orderLinesShorted: "order.lines_shorted",
  orderPickupReminder: "order.pickup_reminder",
  orderNoShow: "order.no_show",
  orderLinkRequested: "order.link_requested",
  orderStockShort: "order.stock_short",
  orderRejected: "order.rejected",
  orderRerouteOffered: "order.reroute_offered",
  orderRerouted: "order.rerouted",
  orderPickupUpdated: "order.pickup_updated",
  orderLate: "order.late",
  inventoryAllocated: "inventory.allocated",
  inventoryConsumed: "inventory.consumed",
  inventoryReleased: "inventory.released",
  inventoryRestocked: "inventory.restocked",
  inventoryAdjusted: "inventory.adjusted",
  inventoryMoved: "inventory.moved",
  inventoryHeld: "inventory.held",
  inventoryHoldReleased: "inventory.hold_released",
} as const;

export type EventName = (typeof EVENT)[keyof typeof EVENT];

const EVENT_NAMES = new Set<string>(Object.values(EVENT));

export function isEventName(name: string): name is EventName {
  return EVENT_NAMES.has(name);
}
