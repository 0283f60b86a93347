import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT } from "@/lib/bus/event-names";
import { outboxEventWrites, wakeDispatcher } from "@/lib/bus/outbox";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import type { SqlClient } from "@/lib/platform/db/sql";
import { DomainError, notFound } from "@/lib/platform/errors";
import { mergeCartLines, type CartLine } from "@/lib/oms/inventory/availability";
import { insufficientStock } from "@/lib/oms/inventory/insufficient-stock";
import { allocateStockWrites } from "@/lib/oms/inventory/reserve";
import { capacityCountColumns } from "@/lib/oms/stores/capacity-counts";
import { capacityOf, type CapacityFacts } from "@/lib/oms/stores/store-capacity";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { takeRateLimit, type RateLimit } from "@/lib/platform/security/rate-limit";
import { announceHoldReleases, releaseHolds } from "./release-holds";

/** A browser keeps at most this many checkouts' holds: a new one gives back its oldest. */
export const MAX_HOLDS_PER_BROWSER = 3;

/** Holds asked for by one address: enough for a busy shared network, too few to hold a store's shelf. */
export const HOLDS_PER_CLIENT = { limit: 60, windowSeconds: 600 } as const satisfies RateLimit;

export type HoldCartInput = {
  checkoutId: string;
  storeId: string;
  lines: CartLine[];
  browser: string | null;
  /** The asking address, for its rate limit (internal callers leave it out). */
  client?: string;
};

export type CartHold = { holdId: string; storeId: string; storeName: string; timeZone: string; expiresAt: Date };

type HoldStore = CapacityFacts & { id: string; code: string; name: string; timeZone: string; products: { id: string; sku: string; name: string }[] | null };

/**
 * Holds the cart's units at the chosen store for the retailer's checkout hold time (seed 003's
 * reservation queue): the units count as allocated, so no other shopper is promised them, and
 * the storefront hears of it over the bus. One hold per checkout: holding again (another
 * store, another cart) moves it in the same transaction, and the time starts again. All lines
 * or none: a store short of any line leaves the earlier hold as it was. Null when the retailer
 * turned checkout holds off, or the asking address is past its limit.
 */
export async function holdCart(db: Db, input: HoldCartInput, now = new Date()): Promise<CartHold | null> {
  const { checkoutHoldMinutes } = await retailerSettings(db);
  if (checkoutHoldMinutes === 0) return null;
  // Past its limit an address gets no hold: checkout still works, and placing still checks the shelf.
  if (input.client && !(await takeRateLimit(db, `checkout-hold:client:${input.client}`, HOLDS_PER_CLIENT, now)).allowed) return null;
  const sql = sqlOf(db);
  const lines = mergeCartLines(input.lines);
  const store = await readHoldStore(sql, input.storeId, lines, now);
  if (!store) throw notFound("That pickup store");
  const capacity = capacityOf(store, now);
  if (!capacity.taking) throw new DomainError("STORE_UNAVAILABLE", `${store.name} is not taking pickup orders right now. Choose another store.`, { field: "storeId", why: capacity.why });
  const products = new Map((store.products ?? []).map((product) => [product.id, product]));
  if (lines.some((line) => !products.has(line.productId))) throw new DomainError("INVALID_INPUT", "Some items in your cart are no longer sold. Remove them and try again.");

  if (input.browser) await giveBackOldestHolds(sql, input.browser, input.checkoutId);
  const expiresAt = new Date(now.getTime() + checkoutHoldMinutes * 60_000);
  const holdId = await sql.transaction(async (tx) => {
    const hold = await lockHold(tx, input, expiresAt);
    if (hold.status === "PLACED") throw new DomainError("CONFLICT", "This checkout already placed its order. Reload the page to start a new one.");
    if (hold.browser !== null && hold.browser !== input.browser) throw new DomainError("CONFLICT", "This checkout belongs to another browser. Reload the page to start a new one.");
    const held = hold.status === "HELD";
    const [moved] = (await tx.query<{ allocated: string[] }>(Prisma.sql`
      WITH ${allocateStockWrites(store.id, lines, held ? hold.id : null)}
      SELECT ARRAY(SELECT "productId"::text FROM allocated) AS "allocated"`)).rows;
    const short = lines.find((line) => !moved!.allocated.includes(line.productId));
    if (short) {
      const product = products.get(short.productId)!;
      const ownHeld = held && hold.storeCode === store.code ? (hold.lines?.find((line) => line.sku === product.sku)?.quantity ?? 0) : 0;
      throw await insufficientStock(tx, store, product, short.quantity, ownHeld);
    }

    await tx.query(Prisma.sql`
      WITH cleared AS (DELETE FROM "CheckoutHoldLine" WHERE "holdId" = ${hold.id}::uuid AND "productId" <> ALL(${lines.map((line) => line.productId)}::uuid[])),
      lines AS (
        INSERT INTO "CheckoutHoldLine" ("holdId", "productId", "quantity")
        SELECT ${hold.id}::uuid, line."productId", line."quantity"
          FROM unnest(${lines.map((line) => line.productId)}::uuid[], ${lines.map((line) => line.quantity)}::int[]) AS line("productId", "quantity")
        ON CONFLICT ("holdId", "productId") DO UPDATE SET "quantity" = EXCLUDED."quantity")
      UPDATE "CheckoutHold" SET "storeId" = ${store.id}::uuid, "status" = 'HELD', "expiresAt" = ${expiresAt}::timestamp, "browser" = ${input.browser}, "updatedAt" = now()
       WHERE "id" = ${hold.id}::uuid`);
    // The storefront follows: the earlier hold's units are free again, the new ones held.
    if (held && hold.lines) await announceHoldReleases(tx, [{ storeCode: hold.storeCode, lines: hold.lines }], "moved");
    const heldLines = lines.map((line) => ({ sku: products.get(line.productId)!.sku, quantity: line.quantity }));
    await tx.query(Prisma.sql`WITH ${outboxEventWrites({ type: EVENT.inventoryHeld, orderId: null, payload: { storeCode: store.code, lines: heldLines, heldUntil: expiresAt.toISOString() } })} SELECT 1`);
    return hold.id;
  });
  await wakeDispatcher(db);
  return { holdId, storeId: store.id, storeName: store.name, timeZone: store.timeZone, expiresAt };
}

type LockedHold = { id: string; status: "HELD" | "PLACED" | "EXPIRED"; browser: string | null; storeCode: string; lines: { sku: string; quantity: number }[] | null };

/**
 * The checkout's hold row, locked for this transaction (created empty the first time, so two
 * requests of one checkout queue on it). Locking it before any stock keeps the order every
 * hold change takes: hold, then levels.
 */
async function lockHold(tx: SqlClient, input: HoldCartInput, expiresAt: Date): Promise<LockedHold> {
  await tx.query(Prisma.sql`
    INSERT INTO "CheckoutHold" ("id", "checkoutId", "storeId", "browser", "status", "expiresAt", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${input.checkoutId}, ${input.storeId}::uuid, ${input.browser}, 'EXPIRED', ${expiresAt}::timestamp, now())
    ON CONFLICT ("checkoutId") DO NOTHING`);
  // The bare row first: a lock that waited must not be re-checked against a join read before it.
  const [locked] = (await tx.query<{ id: string }>(Prisma.sql`SELECT "id" FROM "CheckoutHold" WHERE "checkoutId" = ${input.checkoutId} FOR UPDATE`)).rows;
  // Then, in a statement of its own, the hold as the request before this one left it.
  const [hold] = (await tx.query<LockedHold & { placed: boolean }>(Prisma.sql`
    SELECT h."id", h."status", h."browser", s."code" AS "storeCode",
           EXISTS (SELECT 1 FROM "Order" o WHERE o."checkoutId" = h."checkoutId") AS "placed",
           (SELECT json_agg(json_build_object('sku', p."sku", 'quantity', l."quantity") ORDER BY p."sku")
              FROM "CheckoutHoldLine" l JOIN "Product" p ON p."id" = l."productId" WHERE l."holdId" = h."id") AS "lines"
      FROM "CheckoutHold" h JOIN "Store" s ON s."id" = h."storeId"
     WHERE h."id" = ${locked!.id}::uuid`)).rows;
  // A checkout that placed its order holds nothing more (a resubmit, a stray request).
  return hold!.placed ? { ...hold!, status: "PLACED" } : hold!;
}

/** Leaves the browser room for one more hold by giving back its oldest others, in their own transaction. */
async function giveBackOldestHolds(sql: ReturnType<typeof sqlOf>, browser: string, checkoutId: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const released = await releaseHolds(tx, Prisma.sql`
      SELECT "id" FROM "CheckoutHold"
       WHERE "browser" = ${browser} AND "status" = 'HELD' AND "checkoutId" <> ${checkoutId}
       ORDER BY "createdAt" DESC OFFSET ${MAX_HOLDS_PER_BROWSER - 1}`);
    await announceHoldReleases(tx, released, "replaced");
  });
}

async function readHoldStore(sql: SqlClient, storeId: string, lines: CartLine[], now: Date): Promise<HoldStore | null> {
  const [store] = (await sql.query<HoldStore>(Prisma.sql`
    SELECT s."id", s."code", s."name", s."timeZone", s."pausedAt", s."pausedUntil", s."pauseReason", s."dailyOrderCap", s."concurrentOrderCap", ${capacityCountColumns("s", now)},
           (SELECT json_agg(json_build_object('id', p."id", 'sku', p."sku", 'name', p."name")) FROM "Product" p WHERE p."id" = ANY(${lines.map((line) => line.productId)}::uuid[])) AS "products"
      FROM "Store" s WHERE s."id" = ${storeId}::uuid`)).rows;
  return store ?? null;
}
