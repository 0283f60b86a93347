import type { Chain, ChainStepStatus, DeliveryStatus, SystemName } from "@/lib/generated/prisma/enums";
import { stepAt } from "@/lib/bus/chain-steps";
import type { Db } from "@/lib/platform/db/prisma";
import type { FailureNode } from "./failure-nodes";
import { localize } from "./localize";

export type StepState = {
  chain: Chain;
  stepNumber: number;
  sourceSystem: SystemName;
  targetSystem: SystemName;
  description: string;
  status: ChainStepStatus;
  expectedBy: Date;
  arrivedAt: Date | null;
  attempts: number;
  lastError: string | null;
};

export type DeliveryState = { chain: Chain | null; stepNumber: number | null; attempts: number; status: DeliveryStatus };

export type BreakReason = "rejected" | "dead_lettered" | "late";

export type LocatedFailure = { step: StepState; node: FailureNode; reason: BreakReason; stuckSince: Date };

/** A step is broken when the receiver refused it, it ran out of retries, or its deadline passed without it. */
export function breakReason(step: StepState, now: Date): BreakReason | null {
  if (step.status === "DELIVERED") return null;
  if (step.status === "REJECTED") return "rejected";
  if (step.status === "DEAD_LETTERED") return "dead_lettered";
  return step.expectedBy.getTime() < now.getTime() ? "late" : null;
}

/**
 * The failure node of an order from the bus's own rows: its earliest broken step that no
 * broken step upstream explains. Later steps waiting on it are its impact.
 */
export function locateFailure(steps: StepState[], deliveries: DeliveryState[], now: Date): LocatedFailure | null {
  const judged = steps.map((step) => {
    const reason = breakReason(step, now);
    const delivery = deliveries.find((candidate) => candidate.chain === step.chain && candidate.stepNumber === step.stepNumber);
    return { ...step, reason, broken: reason !== null, dueAt: step.expectedBy, leftTheSource: delivery ? deliveryLeftSource(delivery) : step.attempts > 0, state: step };
  });
  const located = localize(judged);
  if (!located) return null;
  const { state, reason } = located.step;
  return { step: state, reason: reason!, node: located.node, stuckSince: stuckSince(state, reason!) };
}

/** "Left the source": the sender tried at least once (a pause holds it at home, uncounted). */
export function deliveryLeftSource(delivery: Pick<DeliveryState, "attempts" | "status">): boolean {
  return delivery.attempts > 0 || delivery.status !== "PENDING";
}

/** Each order's failure node (or null), reading all their steps and deliveries in two queries. */
export async function locateFailures(db: Db, orderIds: string[], now: Date): Promise<Map<string, LocatedFailure | null>> {
  const [steps, deliveries] = await Promise.all([
    db.chainStep.findMany({ where: { orderId: { in: orderIds } } }),
    db.delivery.findMany({ where: { orderId: { in: orderIds }, chain: { not: null } }, select: { orderId: true, chain: true, stepNumber: true, attempts: true, status: true } }),
  ]);
  return new Map(
    orderIds.map((orderId) => [
      orderId,
      locateFailure(
        steps.filter((step) => step.orderId === orderId),
        deliveries.filter((delivery) => delivery.orderId === orderId),
        now,
      ),
    ]),
  );
}

/** A late step is stuck from its deadline; a refused or dead-lettered one from when its chain started. */
function stuckSince(step: StepState, reason: BreakReason): Date {
  if (reason === "late") return step.expectedBy;
  const deadline = stepAt(step.chain, step.stepNumber)?.deadlineSeconds ?? 0;
  return new Date(step.expectedBy.getTime() - deadline * 1000);
}
