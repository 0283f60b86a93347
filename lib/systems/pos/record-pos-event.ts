import { startChain } from "@/lib/bus/chains";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import type { Db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import type { Chain } from "@/lib/generated/prisma/enums";
import type { PosEventType } from "@/lib/orders/inbound/inbound-event";

const CHAIN_OF: Partial<Record<PosEventType, Chain>> = { "order.ready": "READY", "pickup.completed": "PICKUP", "order.canceled": "CANCELLATION" };
const TASK_STATUS: Record<PosEventType, string> = {
  "order.picking_started": "picking",
  "order.ready": "ready",
  "pickup.completed": "picked_up",
  "order.canceled": "canceled",
};

export type PosEventInput = {
  orderId: string;
  type: PosEventType;
  associate: string;
  data?: Record<string, string | null>;
  at?: Date;
};

/**
 * What an associate does at the store is written first to the POS's own log, with the
 * outbound event in the same transaction; the OMS hears of it only when the bus
 * delivers that event (seed 000's step 1 → step 2). The chain starts here, so an event
 * that never leaves or never arrives shows as a step that did not happen.
 */
export async function recordPosEvent(db: Db, input: PosEventInput) {
  const at = input.at ?? new Date();
  const recorded = await db.$transaction(async (tx) => {
    const task = await tx.posOrderTask.findUnique({ where: { orderId: input.orderId } });
    if (!task) throw notFound("That order in this store's queue");
    const data = { associate: input.associate, ...input.data };
    const entry = await tx.posEventLog.create({
      data: { orderId: task.orderId, orderNumber: task.orderNumber, type: input.type, associate: input.associate, data, occurredAt: at },
    });
    await tx.posOrderTask.update({ where: { orderId: task.orderId }, data: { status: TASK_STATUS[input.type] } });
    await writeOutboxEvent(tx, {
      source: "POS",
      type: input.type,
      orderId: task.orderId,
      occurredAt: at,
      payload: { orderNumber: task.orderNumber, storeCode: task.storeCode, ...data },
    });
    const chain = CHAIN_OF[input.type];
    if (chain) await startChain(tx, { orderId: task.orderId, chain, at, arrived: chain === "CANCELLATION" ? [] : [1], origin: chain === "CANCELLATION" ? "POS" : undefined });
    return entry;
  });
  await wakeDispatcher(db);
  return recorded;
}
