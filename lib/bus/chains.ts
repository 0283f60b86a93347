import type { Tx } from "@/lib/db/prisma";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";

export type ChainStepDefinition = {
  stepNumber: number;
  source: SystemName;
  target: SystemName;
  eventType: string;
  description: string;
  /** How long after the chain starts the step must have arrived. */
  deadlineSeconds: number;
};

type Step = [number, SystemName, SystemName, string, string, number];
const steps = (rows: Step[]): ChainStepDefinition[] =>
  rows.map(([stepNumber, source, target, eventType, description, deadlineSeconds]) => ({ stepNumber, source, target, eventType, description, deadlineSeconds }));

// Expected steps per chain (DESIGN.md, seeds 000 and 001). Written when a chain starts,
// so a missing event shows up as a step that never arrived rather than as silence.
export const CHAIN_DEFINITIONS: Record<Chain, ChainStepDefinition[]> = {
  PLACEMENT: steps([
    [1, "STOREFRONT", "OMS", "order.created", "Checkout placed the order in the OMS (reservation and payment authorization)", 0],
    [2, "OMS", "WMS", "order.created", "WMS holds the allocation for every line", 120],
    [3, "OMS", "POS", "order.created", "Store queue received the pick task", 120],
    [4, "OMS", "STOREFRONT", "order.created", "Storefront order view shows the order as confirmed", 120],
    [5, "OMS", "NOTIFICATION", "order.created", "Customer was sent the order confirmation", 300],
  ]),
  READY: steps([
    [1, "POS", "POS", "order.ready", "Associate marked the order ready at the POS", 0],
    [2, "POS", "OMS", "order.ready", "OMS received the ready event and moved the order to READY", 60],
    [3, "OMS", "STOREFRONT", "order.ready", "Storefront order view shows ready for pickup", 120],
    [4, "OMS", "NOTIFICATION", "order.ready", "Customer was told the order is ready", 300],
    [5, "OMS", "WMS", "order.ready", "WMS knows the staging bin holding the order's units", 120],
  ]),
  PICKUP: steps([
    [1, "POS", "POS", "pickup.completed", "POS recorded pickup-complete (order, time, associate)", 0],
    [2, "POS", "OMS", "pickup.completed", "Pickup-complete crossed to the OMS", 60],
    [3, "OMS", "OMS", "order.picked_up", "OMS closed the order and captured the payment", 60],
    [4, "OMS", "WMS", "order.picked_up", "WMS fulfillment-complete: reservation consumed, bin cleared", 120],
    [5, "OMS", "STOREFRONT", "order.picked_up", "Storefront order view shows picked up", 120],
    [6, "OMS", "NOTIFICATION", "order.picked_up", "Customer was sent the pickup confirmation", 300],
    [7, "WMS", "STOREFRONT", "inventory.consumed", "Storefront availability reflects the deduction", 300],
  ]),
  CANCELLATION: steps([
    [1, "OMS", "OMS", "order.canceled", "OMS canceled the order and voided the payment authorization", 60],
    [2, "OMS", "WMS", "order.canceled", "WMS released the allocation back to available", 120],
    [3, "WMS", "STOREFRONT", "inventory.released", "Storefront availability shows the released units", 300],
    [4, "OMS", "STOREFRONT", "order.canceled", "Storefront order view shows the order as canceled", 120],
    [5, "OMS", "NOTIFICATION", "order.canceled", "Customer was told the order is canceled", 300],
  ]),
  NO_SHOW: steps([
    [1, "OMS", "NOTIFICATION", "order.pickup_reminder", "Customer was reminded before the hold window ends", 300],
    [2, "OMS", "OMS", "order.no_show", "Hold window passed: OMS closed the order as a no-show and voided the payment", 60],
    [3, "OMS", "WMS", "order.no_show", "WMS restocked the held units", 120],
    [4, "WMS", "STOREFRONT", "inventory.restocked", "Storefront availability shows the restocked units", 300],
    [5, "OMS", "STOREFRONT", "order.no_show", "Storefront order view shows the order as not collected", 120],
    [6, "OMS", "NOTIFICATION", "order.no_show", "Customer was offered ship-to-home instead", 300],
  ]),
};

type StartChainInput = {
  orderId: string;
  chain: Chain;
  at: Date;
  /** Steps that happened in the starting transaction itself. */
  arrived?: number[];
  /** Who asked for a cancellation: the first step crosses from there to the OMS. */
  origin?: SystemName;
  /** Start only these steps now (a chain whose parts begin at different times). */
  only?: number[];
};

/**
 * Starts a chain for an order: every step becomes an expected row with its deadline.
 * Starting it again (the POS started it, the OMS continues it) adds nothing twice and
 * only marks the newly arrived steps.
 */
export async function startChain(tx: Tx, input: StartChainInput) {
  const definition = CHAIN_DEFINITIONS[input.chain].filter((step) => !input.only || input.only.includes(step.stepNumber));
  const arrived = new Set(input.arrived ?? []);
  const { count } = await tx.chainStep.createMany({
    data: definition.map((step) => ({
      orderId: input.orderId,
      chain: input.chain,
      stepNumber: step.stepNumber,
      sourceSystem: step.stepNumber === 1 && input.origin ? input.origin : step.source,
      targetSystem: step.target,
      eventType: step.eventType,
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
