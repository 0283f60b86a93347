import type { Tx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";

/** What every order event carries so other systems can act without asking the OMS. */
export async function orderEventContext(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { number: true, customerName: true, customerEmail: true, customerPhone: true, store: { select: { code: true, name: true } } },
  });
  if (!order) throw notFound("Order");
  return {
    orderNumber: order.number,
    storeCode: order.store.code,
    storeName: order.store.name,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
  };
}
