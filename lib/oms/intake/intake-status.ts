import type { Db } from "@/lib/platform/db/prisma";
import type { OrderChannel } from "@/lib/generated/prisma/enums";
import type { IntakeReason } from "./canonical-order";

/** An intake row as its channel may see it (another channel's rows are not found). */
export async function intakeStatus(db: Db, id: string, channel: OrderChannel) {
  const row = await db.intakeOrder.findUnique({ where: { id } });
  if (!row || row.channel !== channel) return null;
  const order = row.orderId ? await db.order.findUnique({ where: { id: row.orderId }, select: { number: true, store: { select: { code: true } } } }) : null;
  return {
    intakeId: row.id,
    channelOrderId: row.channelOrderId,
    status: row.status.toLowerCase(),
    ...(order ? { orderNumber: order.number, storeCode: order.store.code } : {}),
    ...(row.status === "QUARANTINED" || row.status === "DISCARDED" ? { reasons: row.reasons as IntakeReason[] } : {}),
  };
}
