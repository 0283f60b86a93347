import type { Db, Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { routesFor } from "./chain-steps";

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
export async function writeOutboxEvent(tx: Tx, event: OutboxEventInput): Promise<void> {
  const source = event.source ?? "OMS";
  const routes = routesFor(source, event.type);
  announcingTransactions.add(tx);
  // One statement for the event and its deliveries: this runs in every state change.
  const targets = routes.map((route) => {
    const chain = event.orderId && route.chain ? route.chain : null;
    const step = event.orderId && route.stepNumber !== undefined ? route.stepNumber : null;
    return Prisma.sql`(${route.target}::text, ${chain}::text, ${step}::int)`;
  });
  const deliveries = targets.length
    ? Prisma.sql`, deliveries AS (
        INSERT INTO "Delivery" ("id", "outboxEventId", "targetSystem", "position", "orderId", "chain", "stepNumber")
        SELECT gen_random_uuid(), written."id", target."system"::"SystemName", written."position", written."orderId", target."chain"::"Chain", target."step"
          FROM written, (VALUES ${Prisma.join(targets)}) AS target("system", "chain", "step"))`
    : Prisma.empty;
  await tx.$executeRaw`
    WITH written AS (
      INSERT INTO "OutboxEvent" ("id", "source", "type", "orderId", "payload", "occurredAt")
      VALUES (gen_random_uuid(), ${source}::"SystemName", ${event.type}, ${event.orderId}::uuid, ${JSON.stringify(event.payload)}::jsonb, ${event.occurredAt ?? new Date()}::timestamp)
      RETURNING "id", "position", "orderId")${deliveries}
    SELECT 1`;
}

/**
 * Wakes the delivery workers after a commit. Sent outside the writing transaction on
 * purpose: a NOTIFY inside it would serialize every committing checkout on Postgres's
 * notification queue lock. Workers also poll, so a lost wake-up only costs latency.
 */
export async function wakeDispatcher(db: Db): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.catch(() => {});
}
