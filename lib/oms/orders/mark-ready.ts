import { startChain } from "@/lib/bus/start-chain";
import type { Tx } from "@/lib/platform/db/prisma";
import { orderEventContext } from "./order-event-context";
import { transitionOrder } from "./transition-order";

/**
 * The OMS applies the store's "ready": the order moves to READY through the transition
 * table (via PICKING when the store skipped announcing the pick), and the ready chain
 * records that the POS event arrived.
 */
export async function markOrderReadyInTx(tx: Tx, input: { orderId: string; at: Date; stagingBin?: string | null }) {
  const context = await orderEventContext(tx, input.orderId);
  const current = await tx.order.findUnique({ where: { id: input.orderId }, select: { status: true } });
  if (current?.status === "PLACED") {
    await transitionOrder(tx, { orderId: input.orderId, to: "PICKING", at: input.at, payload: { orderNumber: context.orderNumber, storeCode: context.storeCode } });
  }
  const order = await transitionOrder(tx, {
    orderId: input.orderId,
    to: "READY",
    at: input.at,
    changes: { readyAt: input.at },
    payload: { ...context, stagingBin: input.stagingBin ?? null },
  });
  await startChain(tx, { orderId: order.id, chain: "READY", at: input.at, arrived: ["ready-marked", "ready-received"] });
  return order;
}
