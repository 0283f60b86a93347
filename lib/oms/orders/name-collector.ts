import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import { wakeDispatcher } from "@/lib/bus/outbox";
import { announcePickupUpdate } from "./announce-pickup-update";
import { OPEN_ORDER_STATUSES } from "./order-status";

export const collectorNameSchema = z.string().trim().min(2, "Give the name of the person who will pick up.").max(80, "Keep the name to 80 characters.");

/**
 * The shopper names someone else to collect the order. The store's tablet shows who may
 * collect it; the pickup code is still asked for, so the shopper passes it on. The name may
 * change until the order is picked up.
 */
export async function nameCollector(db: Db, accessToken: string, name: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { accessToken }, select: { id: true } });
    if (!order) throw notFound("That order");
    const { count } = await tx.order.updateMany({ where: { id: order.id, status: { in: OPEN_ORDER_STATUSES } }, data: { collectorName: name } });
    if (count === 0) throw new DomainError("INVALID_TRANSITION", "This order can no longer be collected by someone else.");
    await announcePickupUpdate(tx, order.id, "collector_named", now);
  });
  await wakeDispatcher(db);
}
