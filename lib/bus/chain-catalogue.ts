import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { EVENT, type EventName } from "./event-names";

/**
 * What a chain is, in one place (DESIGN.md "The event chains", seeds 000 and 001).
 * Routes, expected steps, failure nodes, the dashboard's overview rows, the POS inbound
 * map and the localizer are all derived from this catalogue; a unit test holds every
 * derived table to it.
 */

/** A failure node the field write-ups name, with who fixes it (DESIGN.md's node table). */
export type NamedNodeSpec = { id: string; label: string; boundary: string; fixLane: string; parties: readonly string[] };

export const NAMED_NODES = {
  P1: { id: "pickup-1", label: "Pickup node 1 — POS recorded the pickup, but the event never left the POS", boundary: "Pickup node 1 — POS outbound pickup-complete", fixLane: "POS configuration", parties: ["POS vendor", "Store IT"] },
  P2: { id: "pickup-2", label: "Pickup node 2 — POS → OMS pickup write-back failed", boundary: "Pickup node 2 — POS → OMS pickup write-back", fixLane: "POS-OMS integration", parties: ["POS integration developer", "OMS admin"] },
  P3: { id: "pickup-3", label: "Pickup node 3 — OMS → WMS fulfillment-complete never arrived", boundary: "Pickup node 3 — OMS → WMS fulfillment-complete", fixLane: "OMS-WMS event routing", parties: ["OMS admin", "WMS vendor"] },
  P4: { id: "pickup-4", label: "Pickup node 4 — OMS → storefront order-status-update never arrived", boundary: "Pickup node 4 — OMS → storefront order-status-update", fixLane: "OMS-storefront API path", parties: ["OMS admin", "Storefront platform team"] },
  P5: { id: "pickup-5", label: "Pickup node 5 — OMS → notification pickup confirmation never fired", boundary: "Pickup node 5 — OMS → notification pickup confirmation", fixLane: "OMS notification trigger", parties: ["OMS admin", "Notification system owner"] },
  P6: { id: "pickup-6", label: "Pickup node 6 — WMS → storefront availability update failed after the deduction", boundary: "Pickup node 6 — WMS → storefront availability update", fixLane: "WMS-storefront availability channel", parties: ["WMS vendor", "Storefront platform team"] },
  C1: { id: "cancellation-1", label: "Cancellation node 1 — OMS → storefront cancellation never arrived", boundary: "Cancellation node 1 — OMS → storefront cancellation", fixLane: "OMS event routing", parties: ["OMS admin", "Storefront platform team"] },
  C2: { id: "cancellation-2", label: "Cancellation node 2 — WMS → storefront inventory sync failed", boundary: "Cancellation node 2 — WMS → storefront inventory sync", fixLane: "WMS-storefront inventory feed", parties: ["WMS vendor", "Storefront platform team"] },
  C3: { id: "cancellation-3", label: "Cancellation node 3 — POS → OMS cancellation write-back failed", boundary: "Cancellation node 3 — POS → OMS cancellation write-back", fixLane: "Originating system boundary", parties: ["POS integration developer", "OMS admin"] },
  // Seed 001 routes "OMS says canceled but WMS still allocated" to the OMS-WMS integration.
  C4: { id: "cancellation-4", label: "Cancellation node 4 — OMS → WMS release never arrived", boundary: "Cancellation node 4 — OMS → WMS release", fixLane: "OMS-WMS integration", parties: ["OMS admin", "WMS vendor"] },
  // DESIGN's reroute chain (a store that cannot fill an order), one node per boundary it crosses.
  R1: { id: "reroute-1", label: "Reroute node 1 — POS → OMS rejection never arrived", boundary: "Reroute node 1 — POS → OMS rejection", fixLane: "POS-OMS integration", parties: ["POS integration developer", "OMS admin"] },
  R2: { id: "reroute-2", label: "Reroute node 2 — OMS → POS: the stores' queues never moved the order", boundary: "Reroute node 2 — OMS → POS queue move", fixLane: "OMS-POS event routing", parties: ["OMS admin", "POS vendor"] },
  R3: { id: "reroute-3", label: "Reroute node 3 — OMS → WMS: the hold never moved to the new store", boundary: "Reroute node 3 — OMS → WMS hold move", fixLane: "OMS-WMS integration", parties: ["OMS admin", "WMS vendor"] },
  R4: { id: "reroute-4", label: "Reroute node 4 — OMS → storefront: the shopper's page never showed the new store", boundary: "Reroute node 4 — OMS → storefront reroute", fixLane: "OMS-storefront API path", parties: ["OMS admin", "Storefront platform team"] },
  R5: { id: "reroute-5", label: "Reroute node 5 — OMS → notification: the shopper was never told of the new store", boundary: "Reroute node 5 — OMS → notification reroute", fixLane: "OMS notification trigger", parties: ["OMS admin", "Notification system owner"] },
  R6: { id: "reroute-6", label: "Reroute node 6 — WMS → storefront availability never followed the move", boundary: "Reroute node 6 — WMS → storefront availability", fixLane: "WMS-storefront availability channel", parties: ["WMS vendor", "Storefront platform team"] },
} as const satisfies Record<string, NamedNodeSpec>;

export type NodeName = keyof typeof NAMED_NODES;

export type StepSpec = {
  /** DESIGN's name where it has one (P2–P6, C1, C2, C4), otherwise "<chain>-<what happened>". */
  id: string;
  source: SystemName;
  target: SystemName;
  event: EventName;
  description: string;
  /** How long after the chain starts the step must have arrived. */
  deadlineSeconds: number;
  /** Steps this one waits for: a chain is a small graph, and branches leave the OMS side by side. */
  after: readonly string[];
  /**
   * "bus": a delivery from source to target fulfils it. "transaction": it is written as
   * arrived by the change that starts (or continues) the chain, so it is not a crossing.
   */
  arrives: "bus" | "transaction";
  /** The seeds' failure node for this boundary; unnamed boundaries get a node from their crossing. */
  node?: NodeName;
  /** Seed 000: an event that never left its source is node 1, not node 2. */
  nodeIfNeverSent?: NodeName;
  /** Another system that may start the chain here over the bus, and the node it then is. */
  origin?: { system: SystemName; node: NodeName };
};

export type ChainSpec = {
  /** The chain as the dashboard's overview shows it when it is one row (not per node). */
  overview?: { id: string; label: string };
  /**
   * An order may go through the chain more than once (a reroute): each start of a part of it
   * begins those steps anew, and the earlier run's deliveries still on their way no longer
   * count for them.
   */
  repeats?: true;
  steps: readonly StepSpec[];
};

export const CHAIN_CATALOGUE = {
  PLACEMENT: {
    overview: { id: "placement", label: "Placement — OMS → WMS, POS, storefront, notification" },
    steps: [
      { id: "placement-placed", source: "STOREFRONT", target: "OMS", event: EVENT.orderCreated, deadlineSeconds: 0, after: [], arrives: "transaction", description: "Checkout placed the order in the OMS (reservation and payment authorization)" },
      { id: "placement-allocated", source: "OMS", target: "WMS", event: EVENT.orderCreated, deadlineSeconds: 120, after: ["placement-placed"], arrives: "bus", description: "WMS holds the allocation for every line" },
      { id: "placement-queued", source: "OMS", target: "POS", event: EVENT.orderCreated, deadlineSeconds: 120, after: ["placement-placed"], arrives: "bus", description: "Store queue received the pick task" },
      { id: "placement-confirmed", source: "OMS", target: "STOREFRONT", event: EVENT.orderCreated, deadlineSeconds: 120, after: ["placement-placed"], arrives: "bus", description: "Storefront order view shows the order as confirmed" },
      { id: "placement-notified", source: "OMS", target: "NOTIFICATION", event: EVENT.orderCreated, deadlineSeconds: 300, after: ["placement-placed"], arrives: "bus", description: "Customer was sent the order confirmation" },
    ],
  },
  // A store that cannot fill an order (DESIGN's reroute). Its parts start at different times:
  // the POS's rejection; the offer to the shopper (when the retailer asks first); the move.
  // An order moves at most three times, and its REROUTE steps are its latest reroute's.
  REROUTE: {
    repeats: true,
    steps: [
      { id: "reroute-rejected", source: "POS", target: "POS", event: EVENT.orderRejected, deadlineSeconds: 0, after: [], arrives: "transaction", node: "R1", description: "Associate rejected the order at the store's POS" },
      { id: "reroute-received", source: "POS", target: "OMS", event: EVENT.orderRejected, deadlineSeconds: 60, after: ["reroute-rejected"], arrives: "bus", node: "R1", description: "The rejection crossed to the OMS" },
      { id: "reroute-offered", source: "OMS", target: "STOREFRONT", event: EVENT.orderRerouteOffered, deadlineSeconds: 120, after: [], arrives: "bus", node: "R4", description: "The shopper's order page offers the new store" },
      { id: "reroute-offer-sent", source: "OMS", target: "NOTIFICATION", event: EVENT.orderRerouteOffered, deadlineSeconds: 300, after: [], arrives: "bus", node: "R5", description: "The shopper was sent the offer of another store" },
      { id: "reroute-moved", source: "OMS", target: "OMS", event: EVENT.orderRerouted, deadlineSeconds: 0, after: [], arrives: "transaction", description: "OMS moved the order, its reservations and its pickup window to the new store" },
      { id: "reroute-queued", source: "OMS", target: "POS", event: EVENT.orderRerouted, deadlineSeconds: 120, after: ["reroute-moved"], arrives: "bus", node: "R2", description: "The old store's queue dropped the order and the new store's received it" },
      { id: "reroute-held", source: "OMS", target: "WMS", event: EVENT.orderRerouted, deadlineSeconds: 120, after: ["reroute-moved"], arrives: "bus", node: "R3", description: "WMS moved the held units to the new store" },
      { id: "reroute-shown", source: "OMS", target: "STOREFRONT", event: EVENT.orderRerouted, deadlineSeconds: 120, after: ["reroute-moved"], arrives: "bus", node: "R4", description: "The shopper's order page shows the new store and its ready-by" },
      { id: "reroute-notified", source: "OMS", target: "NOTIFICATION", event: EVENT.orderRerouted, deadlineSeconds: 300, after: ["reroute-moved"], arrives: "bus", node: "R5", description: "The shopper was told where and when to collect" },
      { id: "reroute-available", source: "WMS", target: "STOREFRONT", event: EVENT.inventoryMoved, deadlineSeconds: 300, after: ["reroute-held"], arrives: "bus", node: "R6", description: "Storefront availability follows the move at both stores" },
    ],
  },
  READY: {
    overview: { id: "ready", label: "Ready — POS → OMS → storefront, notification, WMS" },
    steps: [
      { id: "ready-marked", source: "POS", target: "POS", event: EVENT.orderReady, deadlineSeconds: 0, after: [], arrives: "transaction", description: "Associate marked the order ready at the POS" },
      { id: "ready-received", source: "POS", target: "OMS", event: EVENT.orderReady, deadlineSeconds: 60, after: ["ready-marked"], arrives: "bus", description: "OMS received the ready event and moved the order to READY" },
      { id: "ready-shown", source: "OMS", target: "STOREFRONT", event: EVENT.orderReady, deadlineSeconds: 120, after: ["ready-received"], arrives: "bus", description: "Storefront order view shows ready for pickup" },
      { id: "ready-notified", source: "OMS", target: "NOTIFICATION", event: EVENT.orderReady, deadlineSeconds: 300, after: ["ready-received"], arrives: "bus", description: "Customer was told the order is ready" },
      { id: "ready-staged", source: "OMS", target: "WMS", event: EVENT.orderReady, deadlineSeconds: 120, after: ["ready-received"], arrives: "bus", description: "WMS knows the staging bin holding the order's units" },
    ],
  },
  PICKUP: {
    steps: [
      { id: "pickup-recorded", source: "POS", target: "POS", event: EVENT.pickupCompleted, deadlineSeconds: 0, after: [], arrives: "transaction", node: "P2", nodeIfNeverSent: "P1", description: "POS recorded pickup-complete (order, time, associate)" },
      { id: "P2", source: "POS", target: "OMS", event: EVENT.pickupCompleted, deadlineSeconds: 60, after: ["pickup-recorded"], arrives: "bus", node: "P2", nodeIfNeverSent: "P1", description: "Pickup-complete crossed to the OMS" },
      // Arrives with P2, in the transaction that applies it: its absence means the OMS did not apply it.
      { id: "pickup-closed", source: "OMS", target: "OMS", event: EVENT.orderPickedUp, deadlineSeconds: 60, after: ["P2"], arrives: "transaction", node: "P2", description: "OMS closed the order and captured the payment" },
      { id: "P3", source: "OMS", target: "WMS", event: EVENT.orderPickedUp, deadlineSeconds: 120, after: ["P2"], arrives: "bus", node: "P3", description: "WMS fulfillment-complete: reservation consumed, bin cleared" },
      { id: "P4", source: "OMS", target: "STOREFRONT", event: EVENT.orderPickedUp, deadlineSeconds: 120, after: ["P2"], arrives: "bus", node: "P4", description: "Storefront order view shows picked up" },
      { id: "P5", source: "OMS", target: "NOTIFICATION", event: EVENT.orderPickedUp, deadlineSeconds: 300, after: ["P2"], arrives: "bus", node: "P5", description: "Customer was sent the pickup confirmation" },
      { id: "P6", source: "WMS", target: "STOREFRONT", event: EVENT.inventoryConsumed, deadlineSeconds: 300, after: ["P3"], arrives: "bus", node: "P6", description: "Storefront availability reflects the deduction" },
    ],
  },
  CANCELLATION: {
    steps: [
      { id: "cancellation-canceled", source: "OMS", target: "OMS", event: EVENT.orderCanceled, deadlineSeconds: 60, after: [], arrives: "transaction", origin: { system: "POS", node: "C3" }, description: "OMS canceled the order and voided the payment authorization" },
      { id: "C4", source: "OMS", target: "WMS", event: EVENT.orderCanceled, deadlineSeconds: 120, after: ["cancellation-canceled"], arrives: "bus", node: "C4", description: "WMS released the allocation back to available" },
      { id: "C2", source: "WMS", target: "STOREFRONT", event: EVENT.inventoryReleased, deadlineSeconds: 300, after: ["C4"], arrives: "bus", node: "C2", description: "Storefront availability shows the released units" },
      { id: "C1", source: "OMS", target: "STOREFRONT", event: EVENT.orderCanceled, deadlineSeconds: 120, after: ["cancellation-canceled"], arrives: "bus", node: "C1", description: "Storefront order view shows the order as canceled" },
      { id: "cancellation-notified", source: "OMS", target: "NOTIFICATION", event: EVENT.orderCanceled, deadlineSeconds: 300, after: ["cancellation-canceled"], arrives: "bus", description: "Customer was told the order is canceled" },
    ],
  },
  NO_SHOW: {
    steps: [
      // The reminder runs a day before the hold ends, the rest when it has passed: two starts, one chain.
      { id: "no-show-reminded", source: "OMS", target: "NOTIFICATION", event: EVENT.orderPickupReminder, deadlineSeconds: 300, after: [], arrives: "bus", description: "Customer was reminded before the hold window ends" },
      { id: "no-show-closed", source: "OMS", target: "OMS", event: EVENT.orderNoShow, deadlineSeconds: 60, after: [], arrives: "transaction", description: "Hold window passed: OMS closed the order as a no-show and voided the payment" },
      { id: "no-show-restocked", source: "OMS", target: "WMS", event: EVENT.orderNoShow, deadlineSeconds: 120, after: ["no-show-closed"], arrives: "bus", description: "WMS restocked the held units" },
      { id: "no-show-available", source: "WMS", target: "STOREFRONT", event: EVENT.inventoryRestocked, deadlineSeconds: 300, after: ["no-show-restocked"], arrives: "bus", description: "Storefront availability shows the restocked units" },
      { id: "no-show-shown", source: "OMS", target: "STOREFRONT", event: EVENT.orderNoShow, deadlineSeconds: 120, after: ["no-show-closed"], arrives: "bus", description: "Storefront order view shows the order as not collected" },
      { id: "no-show-offered", source: "OMS", target: "NOTIFICATION", event: EVENT.orderNoShow, deadlineSeconds: 300, after: ["no-show-closed"], arrives: "bus", description: "Customer was offered ship-to-home instead" },
    ],
  },
} as const satisfies Record<Chain, ChainSpec>;

/** The order chains are checked in when one order has several under way. */
export const CHAIN_ORDER = Object.keys(CHAIN_CATALOGUE) as Chain[];

export type StepIdOf<C extends Chain> = (typeof CHAIN_CATALOGUE)[C]["steps"][number]["id"];
export type StepId = StepIdOf<Chain>;

/** Deliveries that fulfil no chain step: news a system needs, not a promise anyone checks. */
export const NOTICES: readonly { source: SystemName; event: EventName; target: SystemName; why?: string }[] = [
  { source: "OMS", event: EVENT.orderCanceled, target: "POS" },
  { source: "POS", event: EVENT.orderPickingStarted, target: "OMS" },
  { source: "OMS", event: EVENT.orderPickingStarted, target: "STOREFRONT", why: "The shopper's page says \"Being picked\" once the OMS has the pick under way." },
  { source: "OMS", event: EVENT.orderPickedUp, target: "POS" },
  { source: "POS", event: EVENT.orderLinesShorted, target: "OMS" },
  { source: "OMS", event: EVENT.orderLinesShorted, target: "WMS" },
  { source: "OMS", event: EVENT.orderLinesShorted, target: "NOTIFICATION" },
  { source: "OMS", event: EVENT.orderCustomerArrived, target: "POS" },
  { source: "OMS", event: EVENT.orderLinkRequested, target: "NOTIFICATION", why: "\"Find my order\": the shopper's link sent again to a contact on the order." },
  { source: "OMS", event: EVENT.orderNoShow, target: "POS" },
  { source: "WMS", event: EVENT.inventoryAllocated, target: "STOREFRONT" },
  { source: "OMS", event: EVENT.inventoryAdjusted, target: "STOREFRONT", why: "The store stock feed: availability follows the POS." },
  { source: "OMS", event: EVENT.inventoryHeld, target: "STOREFRONT", why: "A checkout holds the cart's units while the shopper pays: other shoppers are not promised them." },
  { source: "OMS", event: EVENT.inventoryHoldReleased, target: "STOREFRONT", why: "A checkout hold ran out, moved, or became the order's reservation: its units are free again." },
  { source: "OMS", event: EVENT.orderStockShort, target: "POS", why: "Short stock reaches the associate." },
  { source: "OMS", event: EVENT.orderPickupUpdated, target: "POS", why: "A longer hold, or someone else collecting: the tablet shows who may collect and until when." },
  { source: "OMS", event: EVENT.orderPickupUpdated, target: "NOTIFICATION", why: "The shopper is told the new hold, or that someone else may collect." },
  { source: "OMS", event: EVENT.orderLate, target: "POS", why: "A late order: the tablet raises an alert with a sound until it is ready." },
  { source: "OMS", event: EVENT.orderLate, target: "NOTIFICATION", why: "A late order: the store's managers are written to, and the shopper is told of the delay once, with a new ready-by." },
];
