import type { Db } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import { wakeDispatcher } from "@/lib/bus/outbox";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { announcePickupUpdate } from "./announce-pickup-update";
import { OPEN_ORDER_STATUSES } from "./order-status";
import { holdHoursText } from "@/lib/platform/format/hold-hours";

/**
 * The shopper asks the store to hold the order longer: once per order, by as many hours as
 * they choose up to the retailer's limit (the whole limit unless they say). The hold's end
 * moves (the no-show check and the reminder follow it), the held units' reservations with it,
 * and the store's POS and the shopper hear of it.
 */
export async function extendHold(db: Db, accessToken: string, now = new Date(), hours?: number): Promise<{ holdUntil: Date; hours: number }> {
  const result = await db.$transaction(async (tx) => {
    const { holdExtensionHours } = await retailerSettings(tx);
    const order = await tx.order.findUnique({ where: { accessToken }, select: { id: true, status: true, holdUntil: true, holdExtendedAt: true } });
    if (!order) throw notFound("That order");
    if (holdExtensionHours <= 0) throw new DomainError("CONFLICT", "This store cannot hold orders longer.");
    if (!OPEN_ORDER_STATUSES.includes(order.status) || !order.holdUntil) throw new DomainError("INVALID_TRANSITION", "This order is no longer held.");
    if (order.holdExtendedAt) throw new DomainError("CONFLICT", "The hold was already extended once.");
    const longer = hours ?? holdExtensionHours;
    if (longer > holdExtensionHours) throw new DomainError("CONFLICT", `This store holds an order at most ${holdHoursText(holdExtensionHours)} longer.`);
    const extended = new Date(order.holdUntil.getTime() + longer * 3_600_000);
    // Guarded in the UPDATE itself: two taps extend once.
    const { count } = await tx.order.updateMany({
      where: { id: order.id, holdExtendedAt: null, status: { in: OPEN_ORDER_STATUSES } },
      data: { holdUntil: extended, holdExtendedAt: now, reminderSentAt: null },
    });
    if (count === 0) throw new DomainError("CONFLICT", "The hold was already extended once.");
    await tx.$executeRaw`
      UPDATE "Reservation" r SET "expiresAt" = ${extended}::timestamp
        FROM "OrderLine" l WHERE r."orderLineId" = l."id" AND l."orderId" = ${order.id}::uuid AND r."status" = 'HELD'`;
    await announcePickupUpdate(tx, order.id, "hold_extended", now);
    return { holdUntil: extended, hours: longer };
  });
  await wakeDispatcher(db);
  return result;
}
