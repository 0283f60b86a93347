import type { Db, Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { coalesced, perClient } from "@/lib/platform/group-commit";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { routesFor } from "./chain-steps";
import { contractOf, EventContractError, type EventData, type Publisher, type PublishedEvent } from "./event-contracts";

export type OutboxEventInput<S extends Publisher, T extends PublishedEvent<S>> = {
  type: T;
  orderId: string | null;
  payload: EventData<S, T>;
  occurredAt?: Date;
  /** The system announcing the change; the OMS unless a module speaks for itself. */
  source?: S;
};

export const OUTBOX_CHANNEL = "handoff_outbox";

// Transactions that wrote an outbox event, so a receiver wakes the workers only when
// its change announced something (most receipts announce nothing).
const announcingTransactions = new WeakSet<Tx>();

export function announcedIn(tx: Tx): boolean {
  return announcingTransactions.has(tx);
}

/**
 * Records an event in the transaction that made the change it announces, after checking
 * it against its producer's contract, with one
 * delivery per subscribed system, so the change, its announcement and the duty to
 * deliver it commit or roll back together (transactional outbox).
 */
export async function writeOutboxEvent<S extends Publisher = "OMS", T extends PublishedEvent<S> = PublishedEvent<S>>(tx: Tx, event: OutboxEventInput<S, T>): Promise<void> {
  const written = outboxEventWrites(event);
  announcingTransactions.add(tx);
  await tx.$executeRaw`WITH ${written} SELECT 1`;
}

/**
 * The event and its deliveries as two common table expressions (`outbox_event`,
 * `outbox_deliveries`), for a statement that writes more beside them: one statement for the
 * event and its deliveries, since this runs in every state change. Throws when the payload
 * breaks its producer's contract: a payload that breaks it never leaves.
 */
export function outboxEventWrites<S extends Publisher = "OMS", T extends PublishedEvent<S> = PublishedEvent<S>>(event: OutboxEventInput<S, T>): Prisma.Sql {
  const source: SystemName = event.source ?? "OMS";
  const contract = contractOf(source, event.type);
  if (!contract) throw new EventContractError(source, event.type, "it publishes no such event");
  const checked = contract.safeParse(event.payload);
  if (!checked.success) throw new EventContractError(source, event.type, checked.error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`).join("; "));
  const routes = routesFor(source, event.type);
  const targets = routes.map((route) => {
    const chain = event.orderId && route.chain ? route.chain : null;
    const step = event.orderId && route.stepNumber !== undefined ? route.stepNumber : null;
    return Prisma.sql`(${route.target}::text, ${chain}::text, ${step}::int)`;
  });
  const deliveries = targets.length
    ? Prisma.sql`, outbox_deliveries AS (
        INSERT INTO "Delivery" ("id", "outboxEventId", "targetSystem", "position", "orderId", "chain", "stepNumber")
        SELECT gen_random_uuid(), outbox_event."id", target."system"::"SystemName", outbox_event."position", outbox_event."orderId", target."chain"::"Chain", target."step"
          FROM outbox_event, (VALUES ${Prisma.join(targets)}) AS target("system", "chain", "step"))`
    : Prisma.empty;
  return Prisma.sql`
    outbox_event AS (
      INSERT INTO "OutboxEvent" ("id", "source", "type", "orderId", "payload", "occurredAt")
      VALUES (gen_random_uuid(), ${source}::"SystemName", ${event.type}, ${event.orderId}::uuid, ${JSON.stringify(event.payload)}::jsonb, ${event.occurredAt ?? new Date()}::timestamp)
      RETURNING "id", "position", "orderId")${deliveries}`;
}

const wakerOf = perClient((db: Db) => coalesced(() => db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.then(() => {}, () => {})));

/**
 * Wakes the delivery workers after a commit. Sent outside the writing transaction on
 * purpose: a NOTIFY inside it would serialize every committing checkout on Postgres's
 * notification queue lock. Wake-ups asked for while one is being sent share the next
 * (one wake-up tells the workers to look at everything committed before it). Workers
 * also poll, so a lost wake-up only costs latency.
 */
export async function wakeDispatcher(db: Db): Promise<void> {
  await wakerOf(db)();
}
