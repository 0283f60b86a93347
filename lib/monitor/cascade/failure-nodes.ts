import { NAMED_NODES, type NodeName, type StepId } from "@/lib/bus/chain-catalogue";
import { CHAIN_STEPS, stepAt, stepById, type CatalogueStep } from "@/lib/bus/chain-steps";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";

/**
 * The failure nodes the dashboard names: the ones the field write-ups number (seed 000's
 * pickup nodes, seed 001's cancellation nodes, from the catalogue) and one per other
 * boundary, named by its crossing and owned by both sides.
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

export function namedNode(name: NodeName): FailureNode {
  const { id, label, boundary, fixLane, parties } = NAMED_NODES[name];
  return { id, label, boundary, fixLane, parties: [...parties] };
}

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
  return {
    id: `${chainName}-step-${stepNumber}`,
    label: `${chainTitle} step ${stepNumber} — ${crossing}: ${description.charAt(0).toLowerCase()}${description.slice(1)} did not happen`,
    boundary: `${chainTitle} step ${stepNumber} — ${crossing}`,
    fixLane: source === target ? `${SYSTEM_NAMES[source]} configuration` : `${SYSTEM_NAMES[source]}-${SYSTEM_NAMES[target]} integration`,
    parties: [...new Set([OWNERS[source], OWNERS[target]])],
  };
}

/**
 * The named node a step stands for, if the seeds name it: the origin's node when the
 * step came from its other origin, node 1 rather than node 2 when the event never left.
 */
export function namedNodeOf(step: CatalogueStep, sourceSystem: SystemName, leftTheSource: boolean): NodeName | null {
  if (step.origin && sourceSystem === step.origin.system) return step.origin.node;
  if (!step.node) return null;
  return !leftTheSource && step.nodeIfNeverSent ? step.nodeIfNeverSent : step.node;
}

export type BrokenStep = { chain: Chain; stepNumber: number; sourceSystem: SystemName; targetSystem: SystemName; description: string };

/**
 * The node a broken step stands for. Pickup step 2 is node 1 when the event never left
 * the POS (no attempt was made) and node 2 when it left but the OMS did not take it.
 */
export function failureNodeOf(step: BrokenStep, options: { leftTheSource: boolean }): FailureNode {
  const spec = stepAt(step.chain, step.stepNumber);
  const named = spec ? namedNodeOf(spec, step.sourceSystem, options.leftTheSource) : null;
  return named ? namedNode(named) : boundaryNode(step.chain, step.stepNumber, step.sourceSystem, step.targetSystem, step.description);
}

/** The node a catalogue step implies when it is missing, as its chain writes it. */
export function nodeOfStep(id: StepId, leftTheSource = true): FailureNode {
  const step = stepById(id);
  return failureNodeOf({ chain: step.chain, stepNumber: step.stepNumber, sourceSystem: step.source, targetSystem: step.target, description: step.description }, { leftTheSource });
}

// Every node the dashboard can name, by id: the seeds' and each boundary's.
const ALL_NODES = new Map<string, FailureNode>([
  ...CHAIN_STEPS.map((step) => boundaryNode(step.chain, step.stepNumber, step.source, step.target, step.description)).map((node) => [node.id, node] as const),
  ...(Object.keys(NAMED_NODES) as NodeName[]).map((name) => [NAMED_NODES[name].id, namedNode(name)] as const),
]);

/** Fix lane and parties of a node by id. */
export function nodeDetails(id: string): Pick<FailureNode, "fixLane" | "parties"> {
  const node = ALL_NODES.get(id);
  return node ? { fixLane: node.fixLane, parties: node.parties } : { fixLane: "Unknown", parties: [] };
}
