import { EVENT } from "@/lib/bus/event-names";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";

export type CheckInInput = { orderId: string; parkingBay: string | null; carDescription: string | null };

/**
 * The shopper says "I'm here". Only a ready order can be collected, so only then is
 * the store told (through the bus, like every other crossing); checking in again
 * updates the bay or the car description.
 */
export async function checkInCustomer(db: Db, input: CheckInInput, now = new Date()) {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { number: true, status: true, store: { select: { code: true } } } });
    if (!order) throw notFound("Order");
    if (order.status !== "READY") throw new DomainError("INVALID_TRANSITION", "You can check in once your order is ready for pickup.");
    await tx.order.update({
      where: { id: input.orderId },
      data: { customerArrivedAt: now, parkingBay: input.parkingBay, carDescription: input.carDescription },
    });
    await writeOutboxEvent(tx, {
      type: EVENT.orderCustomerArrived,
      orderId: input.orderId,
      occurredAt: now,
      payload: { orderNumber: order.number, storeCode: order.store.code, arrivedAt: now.toISOString(), parkingBay: input.parkingBay, carDescription: input.carDescription },
    });
  });
  await wakeDispatcher(db);
}
