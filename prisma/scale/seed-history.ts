import type { Db } from "@/lib/platform/db/prisma";
import { seedChainSteps } from "./seed-scale";

/**
 * A year (or `days`) of closed orders behind today's: `ordersPerDay` a day across the demo
 * stores, each picked up or canceled an hour after it was placed, with its ten chain steps,
 * its order.created event delivered to the four modules, and their receipts. What the hot
 * tables hold after a year without retention. Set-based SQL, in one statement per table.
 */
export async function seedHistoryData(db: Db, options: { days: number; ordersPerDay: number }): Promise<void> {
  const orders = options.days * options.ordersPerDay;
  await db.$executeRawUnsafe(`
    WITH stores AS (SELECT s."id", p."id" AS "slotId", row_number() OVER (ORDER BY s."code") - 1 AS i, count(*) OVER () AS n
                      FROM "Store" s JOIN "PickupSlot" p ON p."storeId" = s."id" AND p."startsAt" = date_trunc('hour', now()) - interval '30 days'),
    placed AS (SELECT g, now() - interval '1 day' - (g::float / ${orders}) * ${options.days} * interval '1 day' AS "at" FROM generate_series(1, ${orders}) g)
    INSERT INTO "Order" ("id", "accessToken", "checkoutId", "status", "customerName", "customerEmail", "customerPhone", "storeId",
                         "pickupMethod", "slotId", "promisedReadyAt", "pickupCodeHash", "totalCents", "placedAt", "readyAt", "pickedUpAt", "updatedAt")
    SELECT gen_random_uuid(), 'history-' || g || '-' || md5(random()::text), 'history-' || g || '-' || md5(random()::text),
           (CASE WHEN g % 10 = 0 THEN 'CANCELED' ELSE 'PICKED_UP' END)::"OrderStatus",
           'History Shopper ' || g, 'history' || g || '@example.com', '+1512555' || lpad((g % 10000)::text, 4, '0'),
           st."id", 'IN_STORE', st."slotId", p."at" + interval '20 minutes', md5(g::text), 2999, p."at",
           p."at" + interval '15 minutes', CASE WHEN g % 10 = 0 THEN NULL ELSE p."at" + interval '1 hour' END, p."at" + interval '1 hour'
      FROM placed p JOIN stores st ON st.i = p.g % st.n`);
  await seedChainSteps(db, "history-");
  await db.$executeRawUnsafe(`
    INSERT INTO "OutboxEvent" ("id", "source", "type", "orderId", "payload", "occurredAt")
    SELECT gen_random_uuid(), 'OMS', 'order.created', o."id", '{"history": true}'::jsonb, o."placedAt"
      FROM "Order" o WHERE o."accessToken" LIKE 'history-%'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Delivery" ("id", "outboxEventId", "targetSystem", "status", "attempts", "nextAttemptAt", "deliveredAt", "createdAt", "position", "orderId", "chain", "stepNumber")
    SELECT gen_random_uuid(), e."id", t.system::"SystemName", 'DELIVERED', 1, e."occurredAt", e."occurredAt" + interval '1 second', e."occurredAt", e."position", e."orderId", 'PLACEMENT', t.step
      FROM "OutboxEvent" e JOIN "Order" o ON o."id" = e."orderId" AND o."accessToken" LIKE 'history-%'
     CROSS JOIN (VALUES ('WMS', 2), ('POS', 3), ('STOREFRONT', 4), ('NOTIFICATION', 5)) t(system, step)`);
  await db.$executeRawUnsafe(`
    INSERT INTO "InboxReceipt" ("system", "webhookId", "eventType", "receivedAt")
    SELECT d."targetSystem", d."outboxEventId"::text, 'order.created', d."deliveredAt"
      FROM "Delivery" d JOIN "Order" o ON o."id" = d."orderId" AND o."accessToken" LIKE 'history-%'`);
}
