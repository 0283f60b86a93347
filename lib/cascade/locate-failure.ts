import type { Chain, ChainStepStatus, DeliveryStatus, SystemName } from "@/lib/generated/prisma/enums";
import { CHAIN_DEFINITIONS } from "@/lib/bus/chains";
import type { Db } from "@/lib/db/prisma";
import { failureNodeOf, type FailureNode } from "./failure-nodes";

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
 * The failure node of an order: its earliest broken step (by deadline, then by step
 * order). Later steps waiting on it are its downstream impact, not separate failures.
 */
export function locateFailure(steps: StepState[], deliveries: DeliveryState[], now: Date): LocatedFailure | null {
  const broken = steps
    .map((step) => ({ step, reason: breakReason(step, now) }))
    .filter((candidate): candidate is { step: StepState; reason: BreakReason } => candidate.reason !== null)
    .sort((a, b) => a.step.expectedBy.getTime() - b.step.expectedBy.getTime() || a.step.stepNumber - b.step.stepNumber);
  const first = broken[0];
  if (!first) return null;
  const delivery = deliveries.find((candidate) => candidate.chain === first.step.chain && candidate.stepNumber === first.step.stepNumber);
  const leftTheSource = delivery ? deliveryLeftSource(delivery) : first.step.attempts > 0;
  return { step: first.step, reason: first.reason, node: failureNodeOf(first.step, { leftTheSource }), stuckSince: stuckSince(first.step, first.reason) };
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
  const deadline = CHAIN_DEFINITIONS[step.chain].find((definition) => definition.stepNumber === step.stepNumber)?.deadlineSeconds ?? 0;
  return new Date(step.expectedBy.getTime() - deadline * 1000);
}
