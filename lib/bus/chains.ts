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

// Expected steps per chain (DESIGN.md). Written when a chain starts, so a missing
// event shows up as a step that never arrived rather than as silence.
export const CHAIN_DEFINITIONS: Partial<Record<Chain, ChainStepDefinition[]>> = {
  PLACEMENT: [
    { stepNumber: 1, source: "STOREFRONT", target: "OMS", eventType: "order.created", description: "Checkout placed the order in the OMS (reservation and payment authorization)", deadlineSeconds: 0 },
    { stepNumber: 2, source: "OMS", target: "WMS", eventType: "order.created", description: "WMS holds the allocation for every line", deadlineSeconds: 120 },
    { stepNumber: 3, source: "OMS", target: "POS", eventType: "order.created", description: "Store queue received the pick task", deadlineSeconds: 120 },
    { stepNumber: 4, source: "OMS", target: "STOREFRONT", eventType: "order.created", description: "Storefront order view shows the order as confirmed", deadlineSeconds: 120 },
    { stepNumber: 5, source: "OMS", target: "NOTIFICATION", eventType: "order.created", description: "Customer was sent the order confirmation", deadlineSeconds: 300 },
  ],
  CANCELLATION: [
    { stepNumber: 1, source: "OMS", target: "OMS", eventType: "order.canceled", description: "OMS canceled the order and voided the payment authorization", deadlineSeconds: 0 },
    { stepNumber: 2, source: "OMS", target: "WMS", eventType: "order.canceled", description: "WMS released the allocation back to available", deadlineSeconds: 120 },
    { stepNumber: 3, source: "WMS", target: "STOREFRONT", eventType: "inventory.released", description: "Storefront availability shows the released units", deadlineSeconds: 300 },
    { stepNumber: 4, source: "OMS", target: "STOREFRONT", eventType: "order.canceled", description: "Storefront order view shows the order as canceled", deadlineSeconds: 120 },
    { stepNumber: 5, source: "OMS", target: "NOTIFICATION", eventType: "order.canceled", description: "Customer was told the order is canceled", deadlineSeconds: 300 },
  ],
};

/**
 * Starts a chain for an order: every step becomes an expected row with its deadline.
 * Steps listed in `arrived` happened inside the starting transaction itself.
 */
export async function startChain(tx: Tx, input: { orderId: string; chain: Chain; at: Date; arrived?: number[] }) {
  const steps = CHAIN_DEFINITIONS[input.chain];
  if (!steps) throw new Error(`No definition for the ${input.chain} chain`);
  const arrived = new Set(input.arrived ?? []);
  await tx.chainStep.createMany({
    data: steps.map((step) => ({
      orderId: input.orderId,
      chain: input.chain,
      stepNumber: step.stepNumber,
      sourceSystem: step.source,
      targetSystem: step.target,
      eventType: step.eventType,
      description: step.description,
      expectedBy: new Date(input.at.getTime() + step.deadlineSeconds * 1000),
      ...(arrived.has(step.stepNumber) ? { status: "DELIVERED" as const, arrivedAt: input.at, attempts: 1 } : {}),
    })),
  });
}
