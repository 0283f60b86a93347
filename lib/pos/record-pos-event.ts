import { EVENT } from "@/lib/bus/event-names";
import { chainStartedBy } from "@/lib/bus/chain-steps";
import { startChain } from "@/lib/bus/start-chain";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PosEventType } from "./events";
import { POS_TASK_TRANSITIONS } from "./task-status";

const TASK_TIMESTAMP: Partial<Record<PosEventType, "pickingStartedAt" | "readyAt" | "closedAt">> = {
  [EVENT.orderPickingStarted]: "pickingStartedAt",
  [EVENT.orderReady]: "readyAt",
  [EVENT.pickupCompleted]: "closedAt",
  [EVENT.orderCanceled]: "closedAt",
};

export type PosEventInput = {
  orderId: string;
  type: PosEventType;
  associate: string;
  data?: Record<string, Prisma.InputJsonValue | null>;
  at?: Date;
  /** Other columns of the queue entry that change with this event (staging bin, …). */
  taskChanges?: Prisma.PosOrderTaskUpdateManyMutationInput;
};

/**
 * What an associate does at the store is written first to the POS's own log, with the
 * outbound event in the same transaction; the OMS hears of it only when the bus
 * delivers that event (seed 000's step 1 → step 2). The queue entry moves by the POS's
 * transition table, guarded in the UPDATE itself so two tablets cannot both hand over
 * one order. The chain starts here, so an event that never leaves or never arrives
 * shows as a step that did not happen.
 */
export async function writePosEvent(tx: Tx, input: PosEventInput) {
  const at = input.at ?? new Date();
  const transition = POS_TASK_TRANSITIONS[input.type];
  const stamp = TASK_TIMESTAMP[input.type];
  const [task] = await tx.posOrderTask.updateManyAndReturn({
    where: { orderId: input.orderId, status: { in: [...transition.from] } },
    data: { ...input.taskChanges, ...(transition.to === "unchanged" ? {} : { status: transition.to }), ...(stamp ? { [stamp]: at } : {}) },
    select: { orderId: true, orderNumber: true, storeCode: true },
  });
  if (!task) {
    // Only on refusal: read what the entry is now, to say why.
    const current = await tx.posOrderTask.findUnique({ where: { orderId: input.orderId }, select: { orderNumber: true, status: true } });
    if (!current) throw notFound("That order in this store's queue");
    throw new DomainError("INVALID_TRANSITION", `Order H-${current.orderNumber} is ${current.status.replace("_", " ")} at the store, so that cannot be done now.`, {
      from: current.status,
      action: input.type,
    });
  }
  const data = { associate: input.associate, ...input.data };
  const entry = await tx.posEventLog.create({
    data: { orderId: task.orderId, orderNumber: task.orderNumber, type: input.type, associate: input.associate, data, occurredAt: at },
  });
  // The chain first: a repeating chain (a reroute) starts before the event that begins it.
  const started = chainStartedBy("POS", input.type);
  if (started) await startChain(tx, { orderId: task.orderId, at, ...started });
  await writeOutboxEvent(tx, {
    source: "POS",
    type: input.type,
    orderId: task.orderId,
    occurredAt: at,
    payload: { orderNumber: task.orderNumber, storeCode: task.storeCode, ...data },
  });
  return { entry, task };
}

/** Records one POS event in its own transaction and wakes the delivery workers. */
export async function recordPosEvent(db: Db, input: PosEventInput) {
  const recorded = await db.$transaction((tx) => writePosEvent(tx, input));
  await wakeDispatcher(db);
  return recorded.entry;
}
