import type { Db } from "@/lib/platform/db/prisma";

export type ScaleOptions = { orders: number; stepsPerOrder: 10 };

/**
 * A history at the scale the dashboard must stay fast at: `orders` past orders across the
 * demo stores, each with its placement and ready chains (10 steps, 1,000,000 for 100,000
 * orders) and their deliveries, spread over the last 24 hours. About 2% of them broke
 * somewhere (late, refused or dead-lettered), so the overview has failures to count.
 * Written with set-based SQL: seconds, not hours.
 */
export async function seedScaleData(db: Db, orders: number): Promise<void> {
  const stores = await db.store.count();
  if (stores === 0) throw new Error("Load the demo data first (npm start or npm run db:seed): scale orders belong to its stores.");
  await db.$executeRawUnsafe(`
    INSERT INTO "PickupSlot" ("id", "storeId", "startsAt", "endsAt", "capacity", "booked")
    SELECT gen_random_uuid(), s."id", date_trunc('hour', now()) - interval '30 days', date_trunc('hour', now()) - interval '30 days' + interval '1 hour', 1000000, 0
      FROM "Store" s
    ON CONFLICT ("storeId", "startsAt") DO NOTHING`);
  // The orders: numbered after what exists, placed at a spread of times over the last day.
  await db.$executeRawUnsafe(`
    WITH stores AS (SELECT s."id", p."id" AS "slotId", row_number() OVER (ORDER BY s."code") - 1 AS i, count(*) OVER () AS n
                      FROM "Store" s JOIN "PickupSlot" p ON p."storeId" = s."id" AND p."startsAt" = date_trunc('hour', now()) - interval '30 days')
    INSERT INTO "Order" ("id", "accessToken", "checkoutId", "status", "customerName", "customerEmail", "customerPhone", "storeId",
                         "pickupMethod", "slotId", "promisedReadyAt", "pickupCodeHash", "totalCents", "placedAt", "updatedAt")
    SELECT gen_random_uuid(), 'scale-' || g || '-' || md5(random()::text), 'scale-' || g || '-' || md5(random()::text),
           (ARRAY['PICKED_UP','PICKED_UP','PICKED_UP','CANCELED','READY'])[1 + g % 5]::"OrderStatus",
           'Scale Shopper ' || g, 'scale' || g || '@example.com', '+1512555' || lpad((g % 10000)::text, 4, '0'),
           st."id", 'IN_STORE', st."slotId", now() - (g % 86400) * interval '1 second' + interval '20 minutes', md5(g::text), 2999,
           now() - (g % 86400) * interval '1 second', now() - (g % 86400) * interval '1 second'
      FROM generate_series(1, ${orders}) g JOIN stores st ON st.i = g % st.n`);
  await seedChainSteps(db, "scale-");
}

/** The ten steps of the placement, ready and pickup chains for the seeded orders whose access token starts with `tokenPrefix`. */
export async function seedChainSteps(db: Db, tokenPrefix: "scale-" | "history-"): Promise<void> {
  // Ten steps each: placement 1–5 and ready 1–4 across their boundaries, plus pickup step 2.
  await db.$executeRawUnsafe(`
    WITH steps(chain, step, source, target, type, deadline) AS (VALUES
      ('PLACEMENT', 1, 'STOREFRONT', 'OMS', 'order.created', 0), ('PLACEMENT', 2, 'OMS', 'WMS', 'order.created', 120),
      ('PLACEMENT', 3, 'OMS', 'POS', 'order.created', 120), ('PLACEMENT', 4, 'OMS', 'STOREFRONT', 'order.created', 120),
      ('PLACEMENT', 5, 'OMS', 'NOTIFICATION', 'order.created', 300), ('READY', 1, 'POS', 'POS', 'order.ready', 0),
      ('READY', 2, 'POS', 'OMS', 'order.ready', 60), ('READY', 3, 'OMS', 'STOREFRONT', 'order.ready', 120),
      ('READY', 4, 'OMS', 'NOTIFICATION', 'order.ready', 300), ('PICKUP', 2, 'POS', 'OMS', 'pickup.completed', 60))
    INSERT INTO "ChainStep" ("id", "orderId", "chain", "stepNumber", "sourceSystem", "targetSystem", "eventType", "description",
                             "expectedBy", "status", "arrivedAt", "attempts", "lastError")
    SELECT gen_random_uuid(), o."id", s.chain::"Chain", s.step, s.source::"SystemName", s.target::"SystemName", s.type, s.chain || ' step ' || s.step,
           o."placedAt" + s.deadline * interval '1 second',
           CASE WHEN (hashtext(o."id"::text) + s.step) % 500 = 0 THEN 'REJECTED'
                WHEN (hashtext(o."id"::text) + s.step) % 700 = 0 THEN 'DEAD_LETTERED' ELSE 'DELIVERED' END::"ChainStepStatus",
           CASE WHEN (hashtext(o."id"::text) + s.step) % 500 = 0 OR (hashtext(o."id"::text) + s.step) % 700 = 0 THEN NULL
                ELSE o."placedAt" + (s.deadline / 4 + (hashtext(o."id"::text) & 7)) * interval '1 second' END,
           1, NULL
      FROM "Order" o CROSS JOIN steps s
     WHERE o."accessToken" LIKE '${tokenPrefix}%'
    ON CONFLICT DO NOTHING`);
}
