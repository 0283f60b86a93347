import { CHAIN_DEFINITIONS } from "@/lib/bus/chains";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";

/**
 * The failure nodes the dashboard names, from the field write-ups: seed 000's six pickup
 * nodes with its fix-lane table, seed 001's three cancellation nodes with its routing
 * table, and one node per boundary of the placement, ready and no-show chains.
 */
export type FailureNode = {
  id: string;
  /** "Node 4 — OMS → storefront order-status-update never arrived" */
  label: string;
  /** The boundary itself, for when nothing is wrong there: "Pickup node 4 — OMS → storefront order-status-update" */
  boundary: string;
  fixLane: string;
  parties: string[];
};

const node = (id: string, label: string, boundary: string, fixLane: string, parties: string[]): FailureNode => ({ id, label, boundary, fixLane, parties });

export const PICKUP_NODES: Record<number, FailureNode> = {
  1: node("pickup-1", "Pickup node 1 — POS recorded the pickup, but the event never left the POS", "Pickup node 1 — POS outbound pickup-complete", "POS configuration", ["POS vendor", "Store IT"]),
  2: node("pickup-2", "Pickup node 2 — POS → OMS pickup write-back failed", "Pickup node 2 — POS → OMS pickup write-back", "POS-OMS integration", ["POS integration developer", "OMS admin"]),
  3: node("pickup-3", "Pickup node 3 — OMS → WMS fulfillment-complete never arrived", "Pickup node 3 — OMS → WMS fulfillment-complete", "OMS-WMS event routing", ["OMS admin", "WMS vendor"]),
  4: node("pickup-4", "Pickup node 4 — OMS → storefront order-status-update never arrived", "Pickup node 4 — OMS → storefront order-status-update", "OMS-storefront API path", ["OMS admin", "Storefront platform team"]),
  5: node("pickup-5", "Pickup node 5 — OMS → notification pickup confirmation never fired", "Pickup node 5 — OMS → notification pickup confirmation", "OMS notification trigger", ["OMS admin", "Notification system owner"]),
  6: node("pickup-6", "Pickup node 6 — WMS → storefront availability update failed after the deduction", "Pickup node 6 — WMS → storefront availability update", "WMS-storefront availability channel", ["WMS vendor", "Storefront platform team"]),
};

export const CANCELLATION_NODES: Record<number, FailureNode> = {
  1: node("cancellation-1", "Cancellation node 1 — OMS → storefront cancellation never arrived", "Cancellation node 1 — OMS → storefront cancellation", "OMS event routing", ["OMS admin", "Storefront platform team"]),
  2: node("cancellation-2", "Cancellation node 2 — WMS → storefront inventory sync failed", "Cancellation node 2 — WMS → storefront inventory sync", "WMS-storefront inventory feed", ["WMS vendor", "Storefront platform team"]),
  3: node("cancellation-3", "Cancellation node 3 — POS → OMS cancellation write-back failed", "Cancellation node 3 — POS → OMS cancellation write-back", "Originating system boundary", ["POS integration developer", "OMS admin"]),
};

const SYSTEM_NAMES: Record<SystemName, string> = { STOREFRONT: "storefront", OMS: "OMS", WMS: "WMS", POS: "POS", NOTIFICATION: "notification" };
const OWNERS: Record<SystemName, string> = {
  STOREFRONT: "Storefront platform team",
  OMS: "OMS admin",
  WMS: "WMS vendor",
  POS: "POS vendor",
  NOTIFICATION: "Notification system owner",
};

/** A boundary the seeds do not number: named by its crossing, owned by both sides. */
function boundaryNode(chain: Chain, stepNumber: number, source: SystemName, target: SystemName, description: string): FailureNode {
  const crossing = source === target ? SYSTEM_NAMES[source] : `${SYSTEM_NAMES[source]} → ${SYSTEM_NAMES[target]}`;
  const chainName = chain.toLowerCase().replace("_", "-");
  const chainTitle = `${chainName[0]!.toUpperCase()}${chainName.slice(1)}`;
  return node(
    `${chainName}-step-${stepNumber}`,
    `${chainTitle} step ${stepNumber} — ${crossing}: ${description.charAt(0).toLowerCase()}${description.slice(1)} did not happen`,
    `${chainTitle} step ${stepNumber} — ${crossing}`,
    source === target ? `${SYSTEM_NAMES[source]} configuration` : `${SYSTEM_NAMES[source]}-${SYSTEM_NAMES[target]} integration`,
    [...new Set([OWNERS[source], OWNERS[target]])],
  );
}

export type BrokenStep = { chain: Chain; stepNumber: number; sourceSystem: SystemName; targetSystem: SystemName; description: string };

/**
 * The node a broken step stands for. Pickup step 2 is node 1 when the event never left
 * the POS (no attempt was made) and node 2 when it left but the OMS did not take it.
 */
export function failureNodeOf(step: BrokenStep, options: { leftTheSource: boolean }): FailureNode {
  if (step.chain === "PICKUP") {
    if (step.stepNumber <= 2) return PICKUP_NODES[options.leftTheSource ? 2 : 1]!;
    if (step.stepNumber === 3) return PICKUP_NODES[2]!; // arrives with step 2: the OMS did not apply it
    return PICKUP_NODES[step.stepNumber - 1]!;
  }
  if (step.chain === "CANCELLATION") {
    if (step.stepNumber === 4) return CANCELLATION_NODES[1]!;
    if (step.stepNumber === 3) return CANCELLATION_NODES[2]!;
    if (step.stepNumber === 1 && step.sourceSystem === "POS") return CANCELLATION_NODES[3]!;
  }
  return boundaryNode(step.chain, step.stepNumber, step.sourceSystem, step.targetSystem, step.description);
}

/** Fix lane and parties of a node by id (a boundary node's owners come from its name). */
export function nodeDetails(id: string): Pick<FailureNode, "fixLane" | "parties"> {
  const known = [...Object.values(PICKUP_NODES), ...Object.values(CANCELLATION_NODES)].find((node) => node.id === id);
  if (known) return { fixLane: known.fixLane, parties: known.parties };
  const match = /^([a-z-]+)-step-(\d+)$/.exec(id);
  const chain = match ? (match[1]!.toUpperCase().replace("-", "_") as Chain) : null;
  const step = chain ? CHAIN_DEFINITIONS[chain]?.find((definition) => definition.stepNumber === Number(match![2])) : undefined;
  if (!chain || !step) return { fixLane: "Unknown", parties: [] };
  const { fixLane, parties } = boundaryNode(chain, step.stepNumber, step.source, step.target, step.description);
  return { fixLane, parties };
}
