import { startChain } from "@/lib/bus/start-chain";
import type { Tx } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";
import { closeReservations } from "@/lib/oms/inventory/close-reservations";
import { captureAuthorization } from "@/lib/oms/payments/test-provider";
import { CONTEXT_COLUMNS, CONTEXT_FROM, contextOf, type ContextRow } from "./order-event-context";
import { unitsLeft } from "./short-lines";
import { transitionOrder } from "./transition-order";

type PaymentFacts = { id: string; status: string; amountCents: number; providerRef: string };
type LineFacts = { sku: string; name: string; quantity: number; shortQuantity: number; unitPriceCents: number };

export type CompletePickupInput = { orderId: string; at: Date; associate: string; verifiedBy: string | null };

/**
 * Seed 000's step 3: the OMS writes the confirmed pickup, closes the order, consumes
 * its reservations and captures the payment, announcing `order.picked_up` for the
 * WMS, the storefront and the notification layer, all in the caller's transaction.
 */
export async function completePickupInTx(tx: Tx, input: CompletePickupInput) {
  // The order's context, its payment and its lines in one statement: this is on every pickup's path.
  const [facts] = await tx.$queryRaw<(ContextRow & { payment: PaymentFacts | null; lines: LineFacts[] })[]>`
    SELECT ${CONTEXT_COLUMNS},
           (SELECT json_build_object('id', p."id", 'status', p."status", 'amountCents', p."amountCents", 'providerRef', p."providerRef")
              FROM "PaymentAuthorization" p WHERE p."orderId" = o."id") AS "payment",
           COALESCE((SELECT json_agg(json_build_object('sku', l."sku", 'name', l."name", 'quantity', l."quantity", 'shortQuantity', l."shortQuantity", 'unitPriceCents', l."unitPriceCents") ORDER BY l."productId")
                       FROM "OrderLine" l WHERE l."orderId" = o."id"), '[]'::json) AS "lines"
      FROM ${CONTEXT_FROM} WHERE o."id" = ${input.orderId}::uuid`;
  if (!facts) throw notFound("Order");
  const { payment, lines: orderLines } = facts;
  if (!payment) throw notFound("Payment authorization");
  const context = contextOf(facts);
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
