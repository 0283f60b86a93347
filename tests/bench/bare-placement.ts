import { randomUUID } from "node:crypto";
import type pg from "pg";

// The floor for placements: the rows one placement writes (order, line, reservation,
// payment ledger and authorization, the event with its four deliveries, the stock and
// window guards, the placement chain's five steps), sent with plain `pg` in one
// transaction per order, as a plain script would: a statement per table, in the order
// checkout writes them.

export type BarePlacementInput = { storeId: string; storeCode: string; slotId: string; productId: string; sku: string; priceCents: number; holdUntil: Date; now: Date };

const TARGETS = ["WMS", "POS", "STOREFRONT", "NOTIFICATION"] as const;
const STEPS = [
  [1, "STOREFRONT", "OMS"],
  [2, "OMS", "WMS"],
  [3, "OMS", "POS"],
  [4, "OMS", "STOREFRONT"],
  [5, "OMS", "NOTIFICATION"],
] as const;

/** One placement's rows in one transaction; false when the stock guard refuses (rolled back). */
export async function barePlacement(client: pg.PoolClient, input: BarePlacementInput): Promise<boolean> {
  const checkoutId = randomUUID();
  const orderId = randomUUID();
  const lineId = randomUUID();
  await client.query("BEGIN");
  try {
    const order = await client.query(
      `INSERT INTO "Order" ("id", "accessToken", "checkoutId", "status", "customerName", "customerEmail", "customerPhone", "storeId", "pickupMethod", "slotId",
                            "promisedReadyAt", "holdUntil", "pickupCodeHash", "totalCents", "placedAt", "updatedAt")
       VALUES ($1, $2, $3, 'PLACED', 'Bench Shopper', 'bench@example.com', '+15125550100', $4, 'IN_STORE', $5, $6, $7, $8, $9, $6, now()) RETURNING "number"`,
      [orderId, randomUUID(), checkoutId, input.storeId, input.slotId, input.now, input.holdUntil, randomUUID(), input.priceCents],
    );
    await client.query(`INSERT INTO "OrderLine" ("id", "orderId", "productId", "sku", "name", "quantity", "unitPriceCents") VALUES ($1, $2, $3, $4, 'Bench product', 1, $5)`, [lineId, orderId, input.productId, input.sku, input.priceCents]);
    await client.query(`INSERT INTO "Reservation" ("id", "orderLineId", "storeId", "productId", "quantity", "expiresAt") VALUES (gen_random_uuid(), $1, $2, $3, 1, $4)`, [lineId, input.storeId, input.productId, input.holdUntil]);
    await client.query(`INSERT INTO "TestProviderCharge" ("id", "idempotencyKey", "operation", "reference", "amountCents", "outcome") VALUES (gen_random_uuid(), $1, 'authorize', $2, $3, 'approved') ON CONFLICT DO NOTHING`, [
      `authorize:${checkoutId}`,
      `auth_${orderId}`,
      input.priceCents,
    ]);
    await client.query(
      `INSERT INTO "PaymentAuthorization" ("id", "orderId", "provider", "providerRef", "idempotencyKey", "amountCents", "cardLast4", "status", "authorizedAt", "expiresAt")
       VALUES (gen_random_uuid(), $1, 'handoff-test', $2, $3, $4, '4242', 'AUTHORIZED', $5, $5::timestamp + interval '7 days')`,
      [orderId, `auth_${orderId}`, `authorize:${checkoutId}`, input.priceCents, input.now],
    );
    await client.query(
      `WITH written AS (
         INSERT INTO "OutboxEvent" ("id", "source", "type", "orderId", "payload", "occurredAt") VALUES (gen_random_uuid(), 'OMS', 'order.created', $1, $2::jsonb, $3) RETURNING "id", "position", "orderId")
       INSERT INTO "Delivery" ("id", "outboxEventId", "targetSystem", "position", "orderId", "chain", "stepNumber")
       SELECT gen_random_uuid(), written."id", target."system"::"SystemName", written."position", written."orderId", 'PLACEMENT', target."step" FROM written, unnest($4::text[], $5::int[]) AS target("system", "step")`,
      [orderId, JSON.stringify({ orderId, orderNumber: order.rows[0].number, storeCode: input.storeCode, lines: [{ sku: input.sku, quantity: 1 }] }), input.now, [...TARGETS], [2, 3, 4, 5]],
    );
    const stock = await client.query(
      `UPDATE "InventoryLevel" SET "allocated" = "allocated" + 1, "updatedAt" = now() WHERE "storeId" = $1 AND "productId" = $2 AND "onHand" - "allocated" - "safetyStock" >= 1`,
      [input.storeId, input.productId],
    );
    if (stock.rowCount !== 1) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(`UPDATE "PickupSlot" SET "booked" = "booked" + 1 WHERE "id" = $1 AND "booked" < "capacity"`, [input.slotId]);
    await client.query(
      `INSERT INTO "ChainStep" ("id", "orderId", "chain", "stepNumber", "sourceSystem", "targetSystem", "eventType", "description", "expectedBy", "status", "arrivedAt", "attempts")
       SELECT gen_random_uuid(), $1, 'PLACEMENT', step, source::"SystemName", target::"SystemName", 'order.created', 'Bench step', $2,
              (CASE WHEN step = 1 THEN 'DELIVERED' ELSE 'PENDING' END)::"ChainStepStatus", CASE WHEN step = 1 THEN $2::timestamp END, CASE WHEN step = 1 THEN 1 ELSE 0 END
         FROM unnest($3::int[], $4::text[], $5::text[]) AS s(step, source, target)`,
      [orderId, input.now, STEPS.map((s) => s[0]), STEPS.map((s) => s[1]), STEPS.map((s) => s[2])],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
