import type { Tx } from "@/lib/platform/db/prisma";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import type { StepIdOf } from "./chain-catalogue";
import { stepById, stepsOf } from "./chain-steps";

type StartChainInput<C extends Chain> = {
  orderId: string;
  chain: C;
  at: Date;
  /** Steps that happened in the starting transaction itself. */
  arrived?: StepIdOf<C>[];
  /** Who asked for a cancellation: the first step crosses from there to the OMS. */
  origin?: SystemName;
  /** Start only these steps now (a chain whose parts begin at different times). */
  only?: StepIdOf<C>[];
};

/**
 * Starts a chain for an order: every step becomes an expected row with its deadline.
 * Starting it again (the POS started it, the OMS continues it) adds nothing twice and
 * only marks the newly arrived steps.
 */
export async function startChain<C extends Chain>(tx: Tx, input: StartChainInput<C>) {
  const definition = stepsOf(input.chain).filter((step) => !input.only || (input.only as readonly string[]).includes(step.id));
  const arrived = new Set((input.arrived ?? []).map((id) => stepById(id).stepNumber));
  const { count } = await tx.chainStep.createMany({
    data: definition.map((step) => ({
      orderId: input.orderId,
      chain: input.chain,
      stepNumber: step.stepNumber,
      sourceSystem: step.stepNumber === 1 && input.origin ? input.origin : step.source,
      targetSystem: step.target,
      eventType: step.event,
      description: step.description,
      expectedBy: new Date(input.at.getTime() + step.deadlineSeconds * 1000),
      // Steps that happened in the starting transaction are written as arrived.
      ...(arrived.has(step.stepNumber) ? { status: "DELIVERED" as const, arrivedAt: input.at, attempts: 1 } : {}),
    })),
    skipDuplicates: true,
  });
  // Some rows existed already (the chain was started before): mark the arrivals on them.
  if (arrived.size > 0 && count < definition.length) await markStepsArrived(tx, input.orderId, input.chain, [...arrived], input.at);
}

export async function markStepsArrived(tx: Tx, orderId: string, chain: Chain, stepNumbers: number[], at: Date) {
  await tx.chainStep.updateMany({
    where: { orderId, chain, stepNumber: { in: stepNumbers }, status: { not: "DELIVERED" } },
    data: { status: "DELIVERED", arrivedAt: at, attempts: { increment: 1 }, lastError: null },
  });
}
