import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/platform/db/prisma";
import { readEnv } from "@/lib/platform/env";

/** Closed orders per batch (each has about ten steps and fifteen deliveries) and orderless events per batch. */
const ORDERS_PER_BATCH = 500;
const EVENTS_PER_BATCH = 5_000;

/** Order statuses nothing moves on from: their bus history is only history. */
export const CLOSED_ORDER_STATUSES = ["PICKED_UP", "CANCELED", "NO_SHOW"] as const;

const CLOSED_ORDERS_CURSOR = "closed orders";
const ORDERLESS_EVENTS_CURSOR = "orderless events";

export type PrunedHistory = { orders: number; events: number; deliveries: number; steps: number; receipts: number };

type Removed = { candidates: bigint; orders: bigint; events: bigint; deliveries: bigint; steps: bigint; receipts: bigint };

/**
 * Keeps the bus's hot tables to open work and recent history. Closed orders (picked up,
 * canceled, no-show) last changed before the retention lose their chain steps, events,
 * deliveries and receipts; delivered events about no order (stock and availability
 * updates) older than that go with their deliveries and receipts. The KPIs keep their
 * counts: removed deliveries are added to PrunedDeliveryCount in the same statement.
 * Anything with a delivery not delivered (pending, or dead-lettered and waiting for an
 * operator) is kept. Batches are small statements of their own, so no lock is held long,
 * and two keyset cursors remember where the last run stopped: a run reads only what became
 * old since.
 */
export async function pruneHistory(db: Db, now = new Date(), retentionDays = readEnv().HANDOFF_HISTORY_RETENTION_DAYS): Promise<PrunedHistory> {
  const pruned: PrunedHistory = { orders: 0, events: 0, deliveries: 0, steps: 0, receipts: 0 };
  if (retentionDays <= 0) return pruned;
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const add = (removed: Removed) => {
    pruned.orders += Number(removed.orders);
    pruned.events += Number(removed.events);
    pruned.deliveries += Number(removed.deliveries);
    pruned.steps += Number(removed.steps);
    pruned.receipts += Number(removed.receipts);
  };
  for (;;) {
    const removed = await pruneClosedOrders(db, cutoff);
    add(removed);
    if (Number(removed.candidates) < ORDERS_PER_BATCH) break;
  }
  for (;;) {
    const removed = await pruneOrderlessEvents(db, cutoff);
    add(removed);
    if (Number(removed.candidates) < EVENTS_PER_BATCH) break;
  }
  return pruned;
}

/** One batch of orders last changed before the cutoff, in (updatedAt, id) order after the cursor. */
async function pruneClosedOrders(db: Db, cutoff: Date): Promise<Removed> {
  const [removed] = await db.$queryRaw<Removed[]>`
    WITH cursor AS (
      SELECT COALESCE(MAX("afterAt"), '-infinity'::timestamp) AS "afterAt", COALESCE(MAX("afterId")::uuid, '00000000-0000-0000-0000-000000000000'::uuid) AS "afterId"
        FROM "RetentionCursor" WHERE "name" = ${CLOSED_ORDERS_CURSOR}),
    candidates AS (
      SELECT o."id", o."storeId", o."status", o."updatedAt" FROM "Order" o, cursor c
       WHERE (o."updatedAt", o."id") > (c."afterAt", c."afterId") AND o."updatedAt" < ${cutoff}::timestamp
       ORDER BY o."updatedAt", o."id" LIMIT ${ORDERS_PER_BATCH}),
    closed AS (
      SELECT c."id", c."storeId" FROM candidates c
       WHERE c."status"::text IN (${Prisma.join(CLOSED_ORDER_STATUSES)})
         AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."orderId" = c."id" AND d."status" <> 'DELIVERED')),
    gone_deliveries AS (
      DELETE FROM "Delivery" d USING closed c WHERE d."orderId" = c."id"
      RETURNING d."createdAt", d."targetSystem", d."attempts", c."storeId"),
    counted AS (
      INSERT INTO "PrunedDeliveryCount" ("id", "day", "storeId", "targetSystem", "deliveries", "failed")
      SELECT gen_random_uuid(), g."createdAt"::date, g."storeId", g."targetSystem", COUNT(*), COUNT(*) FILTER (WHERE g."attempts" > 1)
        FROM gone_deliveries g GROUP BY 2, 3, 4),
    gone_events AS (DELETE FROM "OutboxEvent" e USING closed c WHERE e."orderId" = c."id" RETURNING e."id"),
    gone_receipts AS (${receiptsOf("gone_events")}),
    gone_steps AS (DELETE FROM "ChainStep" s USING closed c WHERE s."orderId" = c."id" RETURNING 1),
    moved AS (
      INSERT INTO "RetentionCursor" ("name", "afterAt", "afterId", "updatedAt")
      SELECT ${CLOSED_ORDERS_CURSOR}, c."updatedAt", c."id"::text, now() FROM candidates c ORDER BY c."updatedAt" DESC, c."id" DESC LIMIT 1
      ON CONFLICT ("name") DO UPDATE SET "afterAt" = EXCLUDED."afterAt", "afterId" = EXCLUDED."afterId", "updatedAt" = now())
    SELECT (SELECT COUNT(*) FROM candidates) AS "candidates", (SELECT COUNT(*) FROM closed) AS "orders", (SELECT COUNT(*) FROM gone_events) AS "events",
           (SELECT COUNT(*) FROM gone_deliveries) AS "deliveries", (SELECT COUNT(*) FROM gone_steps) AS "steps", (SELECT COUNT(*) FROM gone_receipts) AS "receipts"`;
  return removed!;
}

/**
 * One batch of the outbox after the cursor by position. It stops at the first event newer
 * than the cutoff (positions follow time), so the cursor never passes an event still kept
 * for its age; events about an order in the batch are left to the closed-orders walk.
 */
async function pruneOrderlessEvents(db: Db, cutoff: Date): Promise<Removed> {
  const [removed] = await db.$queryRaw<Removed[]>`
    WITH cursor AS (SELECT COALESCE(MAX("afterPosition"), 0) AS "afterPosition" FROM "RetentionCursor" WHERE "name" = ${ORDERLESS_EVENTS_CURSOR}),
    batch AS (
      SELECT e."id", e."position", e."orderId", e."occurredAt" FROM "OutboxEvent" e, cursor c
       WHERE e."position" > c."afterPosition" ORDER BY e."position" LIMIT ${EVENTS_PER_BATCH}),
    reach AS (SELECT MIN("position") FILTER (WHERE "occurredAt" >= ${cutoff}::timestamp) AS "newest" FROM batch),
    old AS (SELECT b.* FROM batch b, reach r WHERE r."newest" IS NULL OR b."position" < r."newest"),
    doomed AS (
      SELECT o."id" FROM old o
       WHERE o."orderId" IS NULL AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."outboxEventId" = o."id" AND d."status" <> 'DELIVERED')),
    gone_deliveries AS (
      DELETE FROM "Delivery" d USING doomed x WHERE d."outboxEventId" = x."id"
      RETURNING d."createdAt", d."targetSystem", d."attempts"),
    counted AS (
      INSERT INTO "PrunedDeliveryCount" ("id", "day", "storeId", "targetSystem", "deliveries", "failed")
      SELECT gen_random_uuid(), g."createdAt"::date, NULL, g."targetSystem", COUNT(*), COUNT(*) FILTER (WHERE g."attempts" > 1)
        FROM gone_deliveries g GROUP BY 2, 4),
    gone_events AS (DELETE FROM "OutboxEvent" e USING doomed x WHERE e."id" = x."id" RETURNING e."id"),
    gone_receipts AS (${receiptsOf("gone_events")}),
    moved AS (
      INSERT INTO "RetentionCursor" ("name", "afterPosition", "updatedAt")
      SELECT ${ORDERLESS_EVENTS_CURSOR}, MAX(o."position"), now() FROM old o HAVING COUNT(*) > 0
      ON CONFLICT ("name") DO UPDATE SET "afterPosition" = EXCLUDED."afterPosition", "updatedAt" = now())
    SELECT CASE WHEN (SELECT "newest" FROM reach) IS NULL THEN (SELECT COUNT(*) FROM batch) ELSE 0 END AS "candidates",
           0::bigint AS "orders", (SELECT COUNT(*) FROM gone_events) AS "events", (SELECT COUNT(*) FROM gone_deliveries) AS "deliveries",
           0::bigint AS "steps", (SELECT COUNT(*) FROM gone_receipts) AS "receipts"`;
  return removed!;
}

/**
 * The receipts of removed events, in every system: a module keys its receipt by the event's
 * id, the OMS's inbound API by the sender and the id ("POS:<id>").
 */
function receiptsOf(events: "gone_events") {
  return Prisma.raw(`
      DELETE FROM "InboxReceipt" r USING ${events} e, unnest(enum_range(NULL::"SystemName")) AS s("system")
       WHERE r."system" = s."system" AND r."webhookId" IN (e."id"::text, 'POS:' || e."id"::text)
      RETURNING 1`);
}
