import type { Chain, SystemName } from "@/lib/generated/prisma/enums";

/** One subscription: events of `type` written by `source` are delivered to `target`. */
export type Route = { source: SystemName; type: string; target: SystemName; chain?: Chain; stepNumber?: number };

// Who hears about what, and which chain step each delivery fulfils (DESIGN.md's chains).
export const ROUTES: Route[] = [
  { source: "OMS", type: "order.created", target: "WMS", chain: "PLACEMENT", stepNumber: 2 },
  { source: "OMS", type: "order.created", target: "POS", chain: "PLACEMENT", stepNumber: 3 },
  { source: "OMS", type: "order.created", target: "STOREFRONT", chain: "PLACEMENT", stepNumber: 4 },
  { source: "OMS", type: "order.created", target: "NOTIFICATION", chain: "PLACEMENT", stepNumber: 5 },
  { source: "OMS", type: "order.canceled", target: "WMS", chain: "CANCELLATION", stepNumber: 2 },
  { source: "OMS", type: "order.canceled", target: "STOREFRONT", chain: "CANCELLATION", stepNumber: 4 },
  { source: "OMS", type: "order.canceled", target: "NOTIFICATION", chain: "CANCELLATION", stepNumber: 5 },
  { source: "OMS", type: "order.canceled", target: "POS" },
  { source: "POS", type: "order.picking_started", target: "OMS" },
  // The shopper's page says "Being picked" once the OMS has the pick under way.
  { source: "OMS", type: "order.picking_started", target: "STOREFRONT" },
  { source: "POS", type: "order.ready", target: "OMS", chain: "READY", stepNumber: 2 },
  { source: "OMS", type: "order.ready", target: "STOREFRONT", chain: "READY", stepNumber: 3 },
  { source: "OMS", type: "order.ready", target: "NOTIFICATION", chain: "READY", stepNumber: 4 },
  { source: "OMS", type: "order.ready", target: "WMS", chain: "READY", stepNumber: 5 },
  { source: "POS", type: "pickup.completed", target: "OMS", chain: "PICKUP", stepNumber: 2 },
  { source: "OMS", type: "order.picked_up", target: "WMS", chain: "PICKUP", stepNumber: 4 },
  { source: "OMS", type: "order.picked_up", target: "STOREFRONT", chain: "PICKUP", stepNumber: 5 },
  { source: "OMS", type: "order.picked_up", target: "NOTIFICATION", chain: "PICKUP", stepNumber: 6 },
  { source: "OMS", type: "order.picked_up", target: "POS" },
  { source: "WMS", type: "inventory.consumed", target: "STOREFRONT", chain: "PICKUP", stepNumber: 7 },
  { source: "POS", type: "order.canceled", target: "OMS", chain: "CANCELLATION", stepNumber: 1 },
  { source: "POS", type: "order.lines_shorted", target: "OMS" },
  { source: "OMS", type: "order.lines_shorted", target: "WMS" },
  { source: "OMS", type: "order.lines_shorted", target: "NOTIFICATION" },
  { source: "OMS", type: "order.customer_arrived", target: "POS" },
  // "Find my order": the shopper's link sent again to a contact on the order.
  { source: "OMS", type: "order.link_requested", target: "NOTIFICATION" },
  { source: "OMS", type: "order.pickup_reminder", target: "NOTIFICATION", chain: "NO_SHOW", stepNumber: 1 },
  { source: "OMS", type: "order.no_show", target: "WMS", chain: "NO_SHOW", stepNumber: 3 },
  { source: "OMS", type: "order.no_show", target: "STOREFRONT", chain: "NO_SHOW", stepNumber: 5 },
  { source: "OMS", type: "order.no_show", target: "NOTIFICATION", chain: "NO_SHOW", stepNumber: 6 },
  { source: "OMS", type: "order.no_show", target: "POS" },
  { source: "WMS", type: "inventory.restocked", target: "STOREFRONT", chain: "NO_SHOW", stepNumber: 4 },
  { source: "WMS", type: "inventory.allocated", target: "STOREFRONT" },
  { source: "WMS", type: "inventory.released", target: "STOREFRONT", chain: "CANCELLATION", stepNumber: 3 },
  // The store stock feed: availability follows the POS, and short stock reaches the associate.
  { source: "OMS", type: "inventory.adjusted", target: "STOREFRONT" },
  { source: "OMS", type: "order.stock_short", target: "POS" },
];

export function routesFor(source: SystemName, type: string): Route[] {
  return ROUTES.filter((route) => route.source === source && route.type === type);
}
