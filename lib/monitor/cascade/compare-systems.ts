import type { Chain, OrderStatus, SystemName } from "@/lib/generated/prisma/enums";
import type { StepId } from "@/lib/bus/chain-catalogue";
import { stepById } from "@/lib/bus/chain-steps";
import { namedNode, nodeOfStep, type FailureNode } from "./failure-nodes";

/** What each system holds for one order, as reconciliation reads it. */
export type OrderSnapshot = {
  status: OrderStatus;
  storefrontView: string | null;
  allocations: string[];
  /** Staging bins the WMS records on the lines it still holds. */
  heldBins: (string | null)[];
  posStatus: string | null;
  /** Where the store says it staged the order. */
  posBin: string | null;
  messageKinds: string[];
  /** Chain steps that have arrived, as "CHAIN:step". */
  arrivedSteps: string[];
  /** Started chains, to check only steps an order should have reached. */
  chains: Chain[];
  /** Whether the POS's pickup event ever left the POS (its delivery was attempted). */
  pickupLeftPos: boolean;
  /** The store the OMS has the order at, the store whose queue has it, and where the WMS holds its units. */
  storeCode: string;
  posStoreCode: string | null;
  heldAtStores: string[];
};

export type Mismatch = { system: SystemName; expected: string; actual: string; node: FailureNode };

const STOREFRONT_VIEW: Record<OrderStatus, string> = { PLACED: "placed", PICKING: "picking", AWAITING_SHOPPER: "store_offered", READY: "ready", PICKED_UP: "picked_up", CANCELED: "canceled", NO_SHOW: "no_show" };

/**
 * Compares what the OMS says with what the storefront, WMS, POS and notification layer
 * hold, and names the node each difference implies. Pure: the caller decides which
 * orders have settled long enough to compare.
 */
function hasArrived(order: OrderSnapshot, id: StepId): boolean {
  const step = stepById(id);
  return order.arrivedSteps.includes(`${step.chain}:${step.stepNumber}`);
}

export function compareSystems(order: OrderSnapshot): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const { status } = order;
  const open = status === "PLACED" || status === "PICKING" || status === "AWAITING_SHOPPER" || status === "READY";

  // The POS's word that never reached the OMS (seed 000 nodes 1–2, seed 001 node 3).
  if (order.posStatus === "picked_up" && status !== "PICKED_UP") {
    mismatches.push({ system: "OMS", expected: "picked up (the POS handed it over)", actual: status.toLowerCase(), node: nodeOfStep("P2", order.pickupLeftPos) });
  }
  if (order.posStatus === "canceled" && open) {
    mismatches.push({ system: "OMS", expected: "canceled (the POS canceled it)", actual: status.toLowerCase(), node: namedNode("C3") });
  }

  // A rerouted order: every system must have followed it to its new store (the REROUTE chain's nodes).
  const rerouted = order.chains.includes("REROUTE") && hasArrived(order, "reroute-moved");
  const offered = status === "AWAITING_SHOPPER";
  if (rerouted && open && order.posStoreCode !== null && order.posStoreCode !== order.storeCode) {
    mismatches.push({ system: "POS", expected: `in ${order.storeCode}'s queue`, actual: `in ${order.posStoreCode}'s queue`, node: nodeOfStep("reroute-queued") });
  }
  const heldElsewhere = order.heldAtStores.find((code) => code !== order.storeCode);
  if (rerouted && open && heldElsewhere) {
    mismatches.push({ system: "WMS", expected: `units held at ${order.storeCode}`, actual: `units held at ${heldElsewhere}`, node: nodeOfStep("reroute-held") });
  }

  const view = STOREFRONT_VIEW[status];
  // "Being picked" is news, not a promise: a storefront still saying "placed" during the pick is behind, not wrong.
  const behindButRight = status === "PICKING" && order.storefrontView === "placed";
  if (order.storefrontView !== view && !behindButRight) {
    const node =
      status === "PICKED_UP" ? nodeOfStep("P4")
      : status === "CANCELED" ? nodeOfStep("C1")
      : status === "NO_SHOW" ? nodeOfStep("no-show-shown")
      : status === "READY" ? nodeOfStep("ready-shown")
      : offered ? nodeOfStep("reroute-offered")
      : rerouted ? nodeOfStep("reroute-shown")
      : nodeOfStep("placement-confirmed");
    mismatches.push({ system: "STOREFRONT", expected: `order view "${view}"`, actual: order.storefrontView ? `"${order.storefrontView}"` : "no order view", node });
  }

  const held = order.allocations.filter((allocation) => allocation === "HELD").length;
  if (order.allocations.length === 0) {
    mismatches.push({ system: "WMS", expected: "an allocation for every line", actual: "no allocation", node: nodeOfStep("placement-allocated") });
  } else if (status === "PICKED_UP" && held > 0) {
    mismatches.push({ system: "WMS", expected: "reservation consumed", actual: `${held} line(s) still held`, node: nodeOfStep("P3") });
  } else if ((status === "CANCELED" || status === "NO_SHOW") && held > 0) {
    mismatches.push({ system: "WMS", expected: "allocation released", actual: `${held} line(s) still held`, node: status === "CANCELED" ? nodeOfStep("C4") : nodeOfStep("no-show-restocked") });
  }

  // The store staged a ready order; the WMS must know which bin holds its units.
  if (status === "READY" && order.posBin && held > 0 && order.heldBins.some((bin) => bin !== order.posBin)) {
    const wrong = order.heldBins.find((bin) => bin !== order.posBin) ?? null;
    mismatches.push({ system: "WMS", expected: `staging bin ${order.posBin}`, actual: wrong ? `staging bin ${wrong}` : "no staging bin", node: nodeOfStep("ready-staged") });
  }

  // The storefront's availability follows the WMS's own announcement (seed 000 node 6, seed 001 node 2).
  if (status === "PICKED_UP" && order.chains.includes("PICKUP") && !hasArrived(order, "P6") && held === 0) {
    mismatches.push({ system: "STOREFRONT", expected: "availability updated for the picked-up units", actual: "no update arrived", node: nodeOfStep("P6") });
  }
  if (status === "CANCELED" && order.chains.includes("CANCELLATION") && !hasArrived(order, "C2") && held === 0) {
    mismatches.push({ system: "STOREFRONT", expected: "availability shows the released units", actual: "no update arrived", node: nodeOfStep("C2") });
  }

  const expectedMessage =
    status === "PICKED_UP" ? (["order_picked_up", nodeOfStep("P5")] as const)
    : status === "CANCELED" ? (["order_canceled", nodeOfStep("cancellation-notified")] as const)
    : status === "READY" ? (["order_ready", nodeOfStep("ready-notified")] as const)
    : status === "NO_SHOW" ? (["no_show", nodeOfStep("no-show-offered")] as const)
    : offered ? (["store_offered", nodeOfStep("reroute-offer-sent")] as const)
    : rerouted ? (["rerouted", nodeOfStep("reroute-notified")] as const)
    : (["order_confirmed", nodeOfStep("placement-notified")] as const);
  // A message that may go more than once (an offer, a move) is kept under its event: "rerouted:<event>".
  if (!order.messageKinds.some((kind) => kind === expectedMessage[0] || kind.startsWith(`${expectedMessage[0]}:`))) {
    mismatches.push({ system: "NOTIFICATION", expected: `"${expectedMessage[0].replaceAll("_", " ")}" message`, actual: "none queued", node: expectedMessage[1] });
  }
  if (open && order.posStatus === null) {
    mismatches.push({ system: "POS", expected: "in the store's queue", actual: "not in the queue", node: nodeOfStep("placement-queued") });
  }
  return mismatches;
}
