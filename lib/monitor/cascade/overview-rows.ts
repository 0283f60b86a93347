import { CHAIN_CATALOGUE, CHAIN_ORDER, NAMED_NODES, type NodeName } from "@/lib/bus/chain-catalogue";
import { ancestorsOf, CHAIN_STEPS, stepAt } from "@/lib/bus/chain-steps";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { namedNodeOf } from "./failure-nodes";

export type OverviewRow = { id: string; label: string; boundary: string };

// The dashboard overview: one row for a chain the catalogue summarizes as one, and one
// per node the seeds name, in catalogue order.
export const OVERVIEW_ROWS: readonly OverviewRow[] = CHAIN_ORDER.flatMap((chain): OverviewRow[] => {
  const spec = CHAIN_CATALOGUE[chain];
  if ("overview" in spec) return [{ id: spec.overview.id, label: spec.overview.label, boundary: spec.overview.label }];
  const names = new Set<NodeName>();
  for (const step of CHAIN_STEPS.filter((candidate) => candidate.chain === chain)) {
    for (const name of [step.nodeIfNeverSent, step.node, step.origin?.node]) if (name) names.add(name);
  }
  return [...names].sort().map((name) => ({ id: NAMED_NODES[name].id, label: NAMED_NODES[name].label, boundary: NAMED_NODES[name].boundary }));
});

/**
 * Which overview row a step counts under. Steps written in the transaction that starts a
 * chain (the POS's own record, the OMS closing the order) are not crossings, unless they
 * came from another origin over the bus.
 */
export function overviewRowOf(chain: Chain, stepNumber: number, source: SystemName, leftTheSource: boolean): string | null {
  const step = stepAt(chain, stepNumber);
  if (!step) return null;
  const fromOrigin = step.origin !== undefined && source === step.origin.system;
  if (step.arrives === "transaction" && !fromOrigin) return null;
  const named = namedNodeOf(step, source, leftTheSource);
  if (named) return NAMED_NODES[named].id;
  const spec = CHAIN_CATALOGUE[chain];
  return "overview" in spec ? spec.overview.id : null;
}

/** Each step and the earlier steps it waits for, as [chain, step, depends on] (a break upstream blocks it). */
export const UPSTREAM: readonly [Chain, number, number][] = CHAIN_STEPS.flatMap((step) =>
  ancestorsOf(step).map((parent) => [step.chain, step.stepNumber, parent.stepNumber] as [Chain, number, number]),
);

/** Crossings whose failure is a different node when the event never left its source, as [chain, step]. */
export const NEVER_SENT_STEPS: readonly [Chain, number][] = CHAIN_STEPS.filter((step) => step.arrives === "bus" && step.nodeIfNeverSent).map((step) => [step.chain, step.stepNumber]);
