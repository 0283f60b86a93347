import type { Db, Tx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { routesFor } from "./routes";

export type OutboxEventInput = {
  type: string;
  orderId: string | null;
  payload: Prisma.InputJsonValue;
  occurredAt?: Date;
  /** The system announcing the change; the OMS unless a module speaks for itself. */
  source?: SystemName;
};

export const OUTBOX_CHANNEL = "handoff_outbox";

// Transactions that wrote an outbox event, so a receiver wakes the workers only when
// its change announced something (most receipts announce nothing).
const announcingTransactions = new WeakSet<Tx>();

export function announcedIn(tx: Tx): boolean {
  return announcingTransactions.has(tx);
}

/**
 * Records an event in the transaction that made the change it announces, with one
 * delivery per subscribed system, so the change, its announcement and the duty to
 * deliver it commit or roll back together (transactional outbox).
 */
export async function writeOutboxEvent(tx: Tx, event: OutboxEventInput) {
  const source = event.source ?? "OMS";
  const written = await tx.outboxEvent.create({
    data: { source, type: event.type, orderId: event.orderId, payload: event.payload, occurredAt: event.occurredAt ?? new Date() },
  });
  announcingTransactions.add(tx);
  const routes = routesFor(source, event.type);
  if (routes.length > 0) {
    await tx.delivery.createMany({
      data: routes.map((route) => ({
        outboxEventId: written.id,
        targetSystem: route.target,
        position: written.position,
        orderId: event.orderId,
        chain: event.orderId ? route.chain : undefined,
        stepNumber: event.orderId ? route.stepNumber : undefined,
      })),
    });
  }
  return written;
}

/**
 * Wakes the delivery workers after a commit. Sent outside the writing transaction on
 * purpose: a NOTIFY inside it would serialize every committing checkout on Postgres's
 * notification queue lock. Workers also poll, so a lost wake-up only costs latency.
 */
export async function wakeDispatcher(db: Db): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.catch(() => {});
}
