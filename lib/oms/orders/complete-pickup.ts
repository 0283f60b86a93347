import { startChain } from "@/lib/bus/start-chain";
import type { Tx } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";
import { closeReservations } from "@/lib/oms/inventory/close-reservations";
import { captureAuthorization } from "@/lib/oms/payments/test-provider";
import { orderEventContext } from "./order-event-context";
import { unitsLeft } from "./short-lines";
import { transitionOrder } from "./transition-order";

export type CompletePickupInput = { orderId: string; at: Date; associate: string; verifiedBy: string | null };

/**
 * Seed 000's step 3: the OMS writes the confirmed pickup, closes the order, consumes
 * its reservations and captures the payment, announcing `order.picked_up` for the
 * WMS, the storefront and the notification layer, all in the caller's transaction.
 */
export async function completePickupInTx(tx: Tx, input: CompletePickupInput) {
  const context = await orderEventContext(tx, input.orderId);
  const payment = await tx.paymentAuthorization.findUnique({ where: { orderId: input.orderId } });
  if (!payment) throw notFound("Payment authorization");
  const orderLines = await tx.orderLine.findMany({ where: { orderId: input.orderId }, select: { sku: true, name: true, quantity: true, shortQuantity: true, unitPriceCents: true } });
  // What the customer takes home: short units were never theirs to pay for.
  const lines = orderLines
    .filter((line) => unitsLeft(line) > 0)
    .map((line) => ({ sku: line.sku, name: line.name, quantity: unitsLeft(line), unitPriceCents: line.unitPriceCents }));
  const captureCents = Math.min(payment.amountCents, lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0));
  const order = await transitionOrder(tx, {
    orderId: input.orderId,
    to: "PICKED_UP",
    at: input.at,
    changes: { pickedUpAt: input.at },
    payload: { ...context, associate: input.associate, verifiedBy: input.verifiedBy, lines, capturedCents: captureCents },
  });
  await closeReservations(tx, order.id, input.at, "CONSUMED");
  if (payment.status === "AUTHORIZED") {
    await captureAuthorization(tx, { reference: payment.providerRef, amountCents: captureCents });
    await tx.paymentAuthorization.update({ where: { id: payment.id }, data: { status: "CAPTURED", capturedAt: input.at, capturedCents: captureCents } });
  }
  await startChain(tx, { orderId: order.id, chain: "PICKUP", at: input.at, arrived: ["pickup-recorded", "P2", "pickup-closed"] });
  return order;
}
