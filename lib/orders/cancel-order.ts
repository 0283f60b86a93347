import { startChain } from "@/lib/bus/chains";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import { releaseOrderReservations } from "@/lib/inventory/release";
import { voidAuthorization } from "@/lib/payments/test-provider";
import { releaseSlot } from "@/lib/slots/book-slot";
import { transitionOrder } from "./transition-order";

export type CancelOrderInput = {
  orderId: string;
  reason: string;
  /** Who asked: the shopper on the storefront, an associate at the POS, or the OMS itself. */
  origin: "STOREFRONT" | "POS" | "OMS";
};

/**
 * Cancels an open order in one transaction: the status change (guarded, so a racing
 * pickup and cancel cannot both win), every held reservation released, the pickup
 * window given back, the payment authorization voided, and `order.canceled` written.
 */
export async function cancelOrder(db: Db, input: CancelOrderInput, now = new Date()) {
  const canceled = await db.$transaction(async (tx) => {
    const current = await tx.order.findUnique({ where: { id: input.orderId }, include: { store: { select: { code: true } } } });
    if (!current) throw notFound("Order");
    const order = await transitionOrder(tx, {
      orderId: input.orderId,
      to: "CANCELED",
      at: now,
      changes: { canceledAt: now, cancelReason: input.reason },
      payload: {
        reason: input.reason,
        origin: input.origin,
        storeCode: current.store.code,
        customer: { name: current.customerName, email: current.customerEmail, phone: current.customerPhone },
      },
    });
    await releaseOrderReservations(tx, order.id, now);
    await releaseSlot(tx, order.slotId);
    const payment = await tx.paymentAuthorization.findUnique({ where: { orderId: order.id } });
    if (!payment) throw notFound("Payment authorization");
    if (payment.status === "AUTHORIZED") {
      await voidAuthorization(tx, { reference: payment.providerRef, amountCents: payment.amountCents });
      await tx.paymentAuthorization.update({ where: { id: payment.id }, data: { status: "VOIDED", voidedAt: now } });
    }
    await startChain(tx, { orderId: order.id, chain: "CANCELLATION", at: now, arrived: [1] });
    return order;
  });
  await wakeDispatcher(db);
  return canceled;
}
