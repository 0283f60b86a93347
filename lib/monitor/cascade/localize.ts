import { CHAIN_ORDER } from "@/lib/bus/chain-catalogue";
import { ancestorsOf, stepAt } from "@/lib/bus/chain-steps";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { failureNodeOf, type FailureNode } from "./failure-nodes";

/** One expected step of an order as some evidence shows it: the bus's own rows, or systems' logs. */
export type JudgedStep = {
  chain: Chain;
  stepNumber: number;
  sourceSystem: SystemName;
  targetSystem: SystemName;
  description: string;
  broken: boolean;
  /** When the step became due; evidence without deadlines leaves it out and the chains' order decides. */
  dueAt?: Date;
  /** Whether the event left its source: seed 000's node 1 and node 2 differ by it. */
  leftTheSource: boolean;
};

/**
 * The failure node of an order, by DESIGN's rule for both modes: a chain is a small graph;
 * a broken step downstream of another broken step is blocked, not a failure of its own;
 * of the breaks left, the earliest due (then the earliest in the catalogue) names the node.
 */
export function localize<S extends JudgedStep>(steps: readonly S[]): { step: S; node: FailureNode } | null {
  const broken = steps.filter((step) => step.broken);
  const isBroken = (chain: Chain, stepNumber: number) => broken.some((step) => step.chain === chain && step.stepNumber === stepNumber);
  const roots = broken.filter((step) => {
    const spec = stepAt(step.chain, step.stepNumber);
    return !spec || !ancestorsOf(spec).some((parent) => isBroken(step.chain, parent.stepNumber));
  });
  const first = roots.sort(
    (a, b) =>
      (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0) ||
      CHAIN_ORDER.indexOf(a.chain) - CHAIN_ORDER.indexOf(b.chain) ||
      a.stepNumber - b.stepNumber,
  )[0];
  return first ? { step: first, node: failureNodeOf(first, { leftTheSource: first.leftTheSource }) } : null;
}
