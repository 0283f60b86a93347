import type { Tx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export type OutboxEventInput = {
  type: string;
  orderId: string | null;
  payload: Prisma.InputJsonValue;
  occurredAt?: Date;
};

/**
 * Records an event in the transaction that made the change it announces, so the
 * change and its announcement commit or roll back together (transactional outbox).
 */
export async function writeOutboxEvent(tx: Tx, event: OutboxEventInput) {
  return tx.outboxEvent.create({
    data: {
      type: event.type,
      orderId: event.orderId,
      payload: event.payload,
      occurredAt: event.occurredAt ?? new Date(),
    },
  });
}
