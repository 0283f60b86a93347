import { startChain } from "@/lib/bus/start-chain";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";
import { closeReservations } from "@/lib/oms/inventory/close-reservations";
import { voidAuthorization } from "@/lib/oms/payments/test-provider";
import { releaseSlot } from "@/lib/oms/slots/book-slot";
import { orderEventContext } from "./order-event-context";
import { transitionOrder } from "./transition-order";

export type CancelOrderInput = {
  orderId: string;
  reason: string;
  /** Who asked: the shopper on the storefront, an associate at the POS, or the OMS itself. */
  origin: "STOREFRONT" | "POS" | "OMS";
  /** No store could fill it: offer the shopper delivery to their home instead. */
  offer?: "ship_to_home";
};

/**
 * Cancels an open order inside the caller's transaction: the status change (guarded,
 * so a racing pickup and cancel cannot both win), every held reservation released, the
 * pickup window given back, the payment authorization voided, `order.canceled` written
 * and the cancellation chain started.
 */
export async function cancelOrderInTx(tx: Tx, input: CancelOrderInput, now: Date) {
  // The order first, locked: the event must name the store the order is at once this cancel has
  // its turn (a reroute committing meanwhile moves it, and the WMS gives units back where it says).
  await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "id" = ${input.orderId}::uuid FOR UPDATE`;
  const context = await orderEventContext(tx, input.orderId);
  const order = await transitionOrder(tx, {
    orderId: input.orderId,
    to: "CANCELED",
    at: now,
    changes: { canceledAt: now, cancelReason: input.reason },
    payload: { ...context, reason: input.reason, origin: input.origin, ...(input.offer ? { offer: input.offer } : {}) },
  });
  await releaseOrderHold(tx, order, now);
  await startChain(tx, { orderId: order.id, chain: "CANCELLATION", at: now, arrived: ["cancellation-canceled"], origin: input.origin });
  return order;
}

/** What a closed-but-not-collected order gives back: its stock, its pickup place and the hold on the card. */
export async function releaseOrderHold(tx: Tx, order: { id: string; slotId: string }, now: Date) {
  await closeReservations(tx, order.id, now, "RELEASED");
  await releaseSlot(tx, order.slotId);
  const payment = await tx.paymentAuthorization.findUnique({ where: { orderId: order.id } });
  if (!payment) throw notFound("Payment authorization");
  if (payment.status === "AUTHORIZED") {
    await voidAuthorization(tx, { reference: payment.providerRef, amountCents: payment.amountCents });
    await tx.paymentAuthorization.update({ where: { id: payment.id }, data: { status: "VOIDED", voidedAt: now } });
  }
}

export async function cancelOrder(db: Db, input: CancelOrderInput, now = new Date()) {
  const canceled = await db.$transaction((tx) => cancelOrderInTx(tx, input, now));
  await wakeDispatcher(db);
  return canceled;
}
