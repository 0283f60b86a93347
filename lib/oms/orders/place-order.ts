import { EVENT } from "@/lib/bus/event-names";
import { randomUUID } from "node:crypto";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import type { SqlClient } from "@/lib/platform/db/sql";
import { chainStepsWrite } from "@/lib/bus/start-chain";
import { outboxEventWrites, wakeDispatcher } from "@/lib/bus/outbox";
import { DomainError, isUniqueViolation, notFound } from "@/lib/platform/errors";
import { mergeCartLines } from "@/lib/oms/inventory/availability";
import { insufficientStock } from "@/lib/oms/inventory/insufficient-stock";
import { authorizationLedgerWrite, authorizeCard, TEST_PROVIDER } from "@/lib/oms/payments/test-provider";
import { ensureSlotRow, takeSlotPlaceWrite } from "@/lib/oms/slots/book-slot";
import { allocateStockWrites } from "@/lib/oms/inventory/reserve";
import { chosenWindowOffer } from "@/lib/oms/slots/store-slot-offer";
import { pickupDetailsOf } from "./order-event-context";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import { hoursColumn, scheduleOf, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { capacityCountColumns } from "@/lib/oms/stores/capacity-counts";
import { capacityLockKey, capacityOf, type Capacity } from "@/lib/oms/stores/store-capacity";
import { INITIAL_ORDER_STATUS } from "./order-status";
import { announceHoldReleases } from "@/lib/oms/checkout-hold/release-holds";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderChannel } from "@/lib/generated/prisma/enums";
import type { PlaceOrderInput } from "./place-order-input";
import { hashPickupCode, newAccessToken, pickupCodeFor } from "@/lib/platform/security/pickup-code";

export type PlacedOrder = { orderId: string; number: number; accessToken: string; alreadyPlaced: boolean; placedByBrowser: string | null };

/** An order from another sales channel: the channel took the payment and names it by reference. */
export type ChannelOrigin = {
  channel: Exclude<OrderChannel, "WEB">;
  channelOrderId: string;
  paymentReference: string;
  cardLast4: string | null;
  /** Why the order went to its store, kept on the order for the dashboard. */
  routing: Prisma.InputJsonValue;
};

/** Our own checkout pays by card; a channel order arrives with its payment already taken. */
export type PlaceOrderRequest = Omit<PlaceOrderInput, "cardNumber"> & { placedByBrowser?: string | null } & ({ cardNumber: string; origin?: undefined } | { cardNumber?: undefined; origin: ChannelOrigin });

/** How long a channel's payment authorization is good for, as card authorizations are. */
const CHANNEL_AUTHORIZATION_DAYS = 7;

type CartProduct = { id: string; sku: string; name: string; priceCents: number; imageUrl: string; barcode: string; location: string | null };

/** What a placement reads before it writes, in one statement. */
type PlacementContext = StoreWithHours & {
  /** The store's orders of its day and in hand, for its caps. */
  placedToday: number;
  openOrders: number;
  /** The order this checkout already placed, if any. */
  existing: { orderId: string; number: number; accessToken: string; placedByBrowser: string | null } | null;
  /** Orders ahead in the store's queue. */
  queued: number;
  /** The chosen window's row, once anyone has booked it. */
  window: { id: string; booked: number; capacity: number } | null;
  /** The cart's products with where this store shelves them. */
  products: CartProduct[] | null;
  /** This checkout's hold on the cart's units, while it holds them (at this store or another); what it holds is read once it is locked. */
  hold: { id: string } | null;
};

/**
 * Places an order in one transaction: the order with its lines and reservations, the
 * payment authorization, the `order.created` event, the placement chain, one stock
 * allocation per line and a place in the pickup window (each a conditional UPDATE). Any failure
 * rolls all of it back. The same checkout submitted twice yields one order.
 *
 * This is checkout's hot path, so it runs as plain SQL on the client's pool: one statement
 * reads, and the transaction is two statements between BEGIN and COMMIT.
 */
export async function placeOrder(db: Db, input: PlaceOrderRequest, now = new Date()): Promise<PlacedOrder> {
  const sql = sqlOf(db);
  const lines = mergeCartLines(input.lines).sort((a, b) => a.productId.localeCompare(b.productId));
  const context = await readPlacementContext(sql, input, lines, now);
  // A resubmitted checkout gets its order back even if its stock or slot has since run out.
  if (context.existing) return { ...context.existing, alreadyPlaced: true };
  if (!context.id) throw notFound("That pickup store");
  const store: StoreWithHours = context;
  // A store that paused pickup orders, or reached a cap, takes no new one (checked as the order is placed).
  refuseUnlessTaking(store, capacityOf(context, now));
  if (input.pickupMethod === "CURBSIDE" && !store.curbsideEnabled) {
    throw new DomainError("INVALID_INPUT", `${store.name} does not offer curbside pickup. Choose in-store pickup.`, { field: "pickupMethod" });
  }
  const products = context.products ?? [];
  if (products.length !== lines.length) throw new DomainError("INVALID_INPUT", "Some items in your cart are no longer sold. Remove them and try again.");
  const productById = new Map(products.map((product) => [product.id, product]));
  const sold = lines.map((line) => ({ ...line, product: productById.get(line.productId)! }));

  const offer = chosenWindowOffer(store, now, context.queued, input.slotStartsAt, context.window);
  if (!offer) throw new DomainError("SLOT_UNAVAILABLE", "That pickup time is no longer available. Choose another time.", { field: "slotStartsAt" });
  const { readyBy: promisedReadyAt, slot } = offer;
  // A window nobody has booked yet gets its row first, on its own: it is empty, so nothing to undo.
  const slotId = context.window?.id ?? (await ensureSlotRow(sql, { storeId: store.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: store.slotCapacity }));

  const orderId = randomUUID();
  const accessToken = newAccessToken();
  const totalCents = sold.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
  const holdUntil = new Date(slot.endsAt.getTime() + store.holdHours * 3_600_000);
  const pickupCodeHash = hashPickupCode(orderId, pickupCodeFor(accessToken));
  const payment = paymentOf(input, orderId, totalCents, now);

  try {
    const number = await sql.transaction(async (tx) => {
      if (hasCaps(store)) await checkCapsInTurn(tx, store, now);
      const lineIds = sold.map(() => randomUUID());
      const origin = input.origin;
      // Locking the checkout's hold first (hold, then stock) keeps the order the worker's expiry takes.
      const convertHold = context.hold
        ? Prisma.sql`, converted AS (UPDATE "CheckoutHold" SET "status" = 'PLACED', "orderId" = ${orderId}::uuid, "updatedAt" = now() WHERE "id" = ${context.hold.id}::uuid AND "status" = 'HELD' RETURNING "id")`
        : Prisma.empty;
      const [written] = (await tx.query<{ number: number; converted: boolean }>(Prisma.sql`
        WITH placed AS (
          INSERT INTO "Order" ("id", "accessToken", "checkoutId", "placedByBrowser", "status", "channel", "channelOrderId", "routing", "customerName", "customerEmail", "customerPhone",
                               "storeId", "pickupMethod", "slotId", "promisedReadyAt", "holdUntil", "pickupCodeHash", "totalCents", "placedAt", "updatedAt")
          VALUES (${orderId}::uuid, ${accessToken}, ${input.checkoutId}, ${input.placedByBrowser ?? null}, ${INITIAL_ORDER_STATUS}::"OrderStatus", ${origin?.channel ?? "WEB"}::"OrderChannel",
                  ${origin?.channelOrderId ?? null}, ${origin ? JSON.stringify(origin.routing) : null}::jsonb, ${input.name}, ${input.email}, ${input.phone},
                  ${store.id}::uuid, ${input.pickupMethod}::"PickupMethod", ${slotId}::uuid, ${promisedReadyAt}::timestamp, ${holdUntil}::timestamp, ${pickupCodeHash}, ${totalCents}, ${now}::timestamp, now())
          RETURNING "number"),
        lines AS (
          INSERT INTO "OrderLine" ("id", "orderId", "productId", "sku", "name", "quantity", "unitPriceCents")
          SELECT line."id", ${orderId}::uuid, line."productId", line."sku", line."name", line."quantity", line."unitPriceCents"
            FROM unnest(${lineIds}::uuid[], ${sold.map((line) => line.productId)}::uuid[], ${sold.map((line) => line.product.sku)}::text[], ${sold.map((line) => line.product.name)}::text[],
                        ${sold.map((line) => line.quantity)}::int[], ${sold.map((line) => line.product.priceCents)}::int[]) AS line("id", "productId", "sku", "name", "quantity", "unitPriceCents")
          RETURNING "id", "productId", "quantity")
        ${convertHold}
        INSERT INTO "Reservation" ("id", "orderLineId", "storeId", "productId", "quantity", "expiresAt")
        SELECT gen_random_uuid(), lines."id", ${store.id}::uuid, lines."productId", lines."quantity", ${holdUntil}::timestamp FROM lines
        RETURNING (SELECT "number" FROM placed), ${context.hold ? Prisma.sql`EXISTS (SELECT 1 FROM converted)` : Prisma.sql`false`} AS "converted"`)).rows;
      const number = written!.number;
      // The hold's units become the order's; a hold the worker let run out meanwhile gave them back already.
      const fromHold = written!.converted ? await heldLines(tx, context.hold!.id) : null;

      const event = outboxEventWrites({
        type: EVENT.orderCreated,
        orderId,
        occurredAt: now,
        payload: {
          orderId,
          orderNumber: number,
          storeCode: store.code,
          pickupMethod: input.pickupMethod,
          // The keyed hash only: the store verifies the shopper's code without ever holding it.
          pickupCodeHash,
          slot: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
          promisedReadyAt: promisedReadyAt.toISOString(),
          // The store's pick-to-ready target, counted in its opening hours.
          pickTargetAt: addOpeningMinutes(scheduleOf(store), now, store.pickTargetMinutes)?.toISOString() ?? null,
          storeName: store.name,
          pickup: pickupDetailsOf({ pickupMethod: input.pickupMethod, promisedReadyAt, holdUntil, slot, store }),
          totalCents,
          customer: { name: input.name, email: input.email, phone: input.phone },
          // What the picker needs to find it: the store's own shelf location, the photo and the barcode.
          lines: sold.map(({ product, quantity }) => ({ sku: product.sku, name: product.name, quantity, unitPriceCents: product.priceCents, imageUrl: product.imageUrl, barcode: product.barcode, location: product.location })),
        },
      });
      // Marking step 1 arrived also counts it in the store's delivered-step bucket.
      const steps = chainStepsWrite({ orderId, chain: "PLACEMENT", at: now, arrived: ["placement-placed"] })!;
      // The contended rows (stock levels, the pickup window, the store's step bucket) are taken in
      // this last statement, so their row locks are held only until the commit right after it.
      // Stock is locked in product order, so concurrent multi-item checkouts cannot deadlock.
      const [guards] = (await tx.query<{ allocated: string[]; windowTaken: boolean }>(Prisma.sql`
        WITH ${event},
        ${payment.ledger ? Prisma.sql`provider_ledger AS (${payment.ledger}),` : Prisma.empty}
        payment AS (
          INSERT INTO "PaymentAuthorization" ("id", "orderId", "provider", "providerRef", "idempotencyKey", "amountCents", "cardLast4", "status", "authorizedAt", "expiresAt")
          VALUES (gen_random_uuid(), ${orderId}::uuid, ${payment.provider}, ${payment.reference}, ${payment.idempotencyKey}, ${totalCents}, ${payment.last4}, 'AUTHORIZED', ${now}::timestamp, ${payment.expiresAt}::timestamp)),
        ${allocateStockWrites(store.id, sold, fromHold?.id ?? null)},
        ${takeSlotPlaceWrite(slotId)},
        steps AS (${steps})
        SELECT ARRAY(SELECT "productId"::text FROM allocated) AS "allocated", EXISTS (SELECT 1 FROM taken) AS "windowTaken"`)).rows;
      const short = sold.find((line) => !guards!.allocated.includes(line.productId));
      if (short) {
        const ownHeld = fromHold?.storeCode === store.code ? (fromHold.lines.find((line) => line.sku === short.product.sku)?.quantity ?? 0) : 0;
        throw await insufficientStock(tx, store, short.product, short.quantity, ownHeld);
      }
      if (!guards!.windowTaken) throw new DomainError("SLOT_UNAVAILABLE", "That pickup time just filled up. Choose another time.", { field: "slotStartsAt" });
      // The storefront gives the hold's units back as the WMS allocates the order's.
      if (fromHold) await announceHoldReleases(tx, [{ storeCode: fromHold.storeCode, lines: fromHold.lines }], "placed");
      return number;
    });
    await wakeDispatcher(db);
    return { orderId, number, accessToken, alreadyPlaced: false, placedByBrowser: input.placedByBrowser ?? null };
  } catch (error) {
    // Two submissions of one checkout at once: the second waits on the first's order row, then finds it.
    if (isUniqueViolation(error)) {
      const earlier = await findByCheckout(db, input.checkoutId);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** The store with its hours and queue, the chosen window, the cart's products and any order this checkout placed. */
async function readPlacementContext(sql: SqlClient, input: PlaceOrderRequest, lines: { productId: string }[], now: Date): Promise<PlacementContext> {
  const [context] = (await sql.query<PlacementContext>(Prisma.sql`
    SELECT s.*, ${hoursColumn("s")} AS "hours", ${capacityCountColumns("s", now)},
           (SELECT json_build_object('orderId', o."id", 'number', o."number", 'accessToken', o."accessToken", 'placedByBrowser', o."placedByBrowser")
              FROM "Order" o WHERE o."checkoutId" = ${input.checkoutId}) AS "existing",
           (SELECT count(*)::int FROM "Order" o WHERE o."storeId" = s."id" AND o."status" IN ('PLACED', 'PICKING')) AS "queued",
           (SELECT json_build_object('id', w."id", 'booked', w."booked", 'capacity', w."capacity")
              FROM "PickupSlot" w WHERE w."storeId" = s."id" AND w."startsAt" = ${input.slotStartsAt}::timestamp) AS "window",
           (SELECT json_agg(json_build_object('id', p."id", 'sku', p."sku", 'name', p."name", 'priceCents', p."priceCents", 'imageUrl', p."imageUrl", 'barcode', p."barcode", 'location', i."location"))
              FROM "Product" p LEFT JOIN "InventoryLevel" i ON i."productId" = p."id" AND i."storeId" = s."id"
             WHERE p."id" = ANY(${lines.map((line) => line.productId)}::uuid[])) AS "products",
           (SELECT json_build_object('id', h."id") FROM "CheckoutHold" h WHERE h."checkoutId" = ${input.checkoutId} AND h."status" = 'HELD') AS "hold"
      FROM (SELECT 1) AS one LEFT JOIN "Store" s ON s."id" = ${input.storeId}::uuid`)).rows;
  return context!;
}

/** What the hold this transaction converted (and so locked) holds now: a request moving it may have committed since the first read. */
async function heldLines(tx: SqlClient, holdId: string): Promise<{ id: string; storeCode: string; lines: { sku: string; quantity: number }[] }> {
  const [hold] = (await tx.query<{ storeCode: string; lines: { sku: string; quantity: number }[] }>(Prisma.sql`
    SELECT s."code" AS "storeCode", json_agg(json_build_object('sku', p."sku", 'quantity', l."quantity") ORDER BY p."sku") AS "lines"
      FROM "CheckoutHold" h JOIN "Store" s ON s."id" = h."storeId"
      JOIN "CheckoutHoldLine" l ON l."holdId" = h."id" JOIN "Product" p ON p."id" = l."productId"
     WHERE h."id" = ${holdId}::uuid
     GROUP BY s."code"`)).rows;
  return { id: holdId, ...hold! };
}

const hasCaps = (store: StoreWithHours) => store.dailyOrderCap !== null || store.concurrentOrderCap !== null;

/**
 * A capped store's checkouts take turns (a transaction-scoped lock on the store), and each counts
 * again once it has its turn, so concurrent checkouts never take more places than the caps leave.
 * Uncapped stores skip this: their checkouts never wait on one another.
 */
async function checkCapsInTurn(tx: SqlClient, store: StoreWithHours, now: Date): Promise<void> {
  await tx.query(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${capacityLockKey(store.id)}, 0))`);
  // A statement of its own: its snapshot sees every order committed by the checkouts that went before.
  const [counts] = (await tx.query<{ placedToday: number; openOrders: number }>(Prisma.sql`SELECT ${capacityCountColumns("s", now)} FROM "Store" s WHERE s."id" = ${store.id}::uuid`)).rows;
  refuseUnlessTaking(store, capacityOf({ ...store, ...counts! }, now));
}

function refuseUnlessTaking(store: { name: string }, capacity: Capacity): void {
  if (!capacity.taking) throw new DomainError("STORE_UNAVAILABLE", `${store.name} is not taking pickup orders right now. Choose another store.`, { field: "storeId", why: capacity.why });
}

type PaymentRow = { provider: string; reference: string; idempotencyKey: string; last4: string; expiresAt: Date; ledger: Prisma.Sql | null };

/** Authorizes the card at checkout, or takes the authorization a channel already holds. */
function paymentOf(input: PlaceOrderRequest, orderId: string, totalCents: number, now: Date): PaymentRow {
  const idempotencyKey = `authorize:${input.checkoutId}`;
  if (input.origin) {
    return {
      provider: `channel:${input.origin.channel.toLowerCase()}`,
      reference: input.origin.paymentReference,
      idempotencyKey,
      last4: input.origin.cardLast4 ?? "----",
      expiresAt: new Date(now.getTime() + CHANNEL_AUTHORIZATION_DAYS * 86_400_000),
      ledger: null,
    };
  }
  const authorization = authorizeCard({ cardNumber: input.cardNumber, amountCents: totalCents, idempotencyKey, at: now });
  return { provider: TEST_PROVIDER, reference: authorization.reference, idempotencyKey, last4: authorization.last4, expiresAt: authorization.expiresAt, ledger: authorizationLedgerWrite(authorization) };
}

async function findByCheckout(db: Db, checkoutId: string): Promise<PlacedOrder | null> {
  const order = await db.order.findUnique({ where: { checkoutId }, select: { id: true, number: true, accessToken: true, placedByBrowser: true } });
  return order ? { orderId: order.id, number: order.number, accessToken: order.accessToken, alreadyPlaced: true, placedByBrowser: order.placedByBrowser } : null;
}
