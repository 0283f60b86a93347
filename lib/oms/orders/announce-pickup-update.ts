import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import { orderEventContext } from "./order-event-context";

/** Tells the store's POS and the shopper that how the order is collected changed (in the changing transaction). */
export async function announcePickupUpdate(tx: Tx, orderId: string, change: "hold_extended" | "collector_named", at: Date) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { holdUntil: true, collectorName: true } });
  await writeOutboxEvent(tx, {
    type: EVENT.orderPickupUpdated,
    orderId,
    occurredAt: at,
    payload: { ...(await orderEventContext(tx, orderId)), holdUntil: order.holdUntil?.toISOString() ?? null, collectorName: order.collectorName, change },
  });
}
