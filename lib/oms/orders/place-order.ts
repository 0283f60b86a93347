import { EVENT } from "@/lib/bus/event-names";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { startChain } from "@/lib/bus/start-chain";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import { DomainError, isUniqueViolation, notFound } from "@/lib/platform/errors";
import { availableToPromise, mergeCartLines } from "@/lib/oms/inventory/availability";
import { allocateStock } from "@/lib/oms/inventory/reserve";
import { authorizePayment, TEST_PROVIDER } from "@/lib/oms/payments/test-provider";
import { ensureSlotRow, takeSlotPlace } from "@/lib/oms/slots/book-slot";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { pickupDetailsOf } from "./order-event-context";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import { loadStore, scheduleOf, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { INITIAL_ORDER_STATUS } from "./order-status";
import type { Prisma } from "@/lib/generated/prisma/client";
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

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };
/** How long a channel's payment authorization is good for, as card authorizations are. */
const CHANNEL_AUTHORIZATION_DAYS = 7;

/**
 * Places an order in one transaction: the order with its lines and reservations, the
 * payment authorization, the `order.created` event, the placement chain, one stock
 * allocation per line and a place in the pickup window (each a conditional UPDATE). Any failure
 * rolls all of it back. The same checkout submitted twice yields one order.
 */
export async function placeOrder(db: Db, input: PlaceOrderRequest, now = new Date()): Promise<PlacedOrder> {
  // A resubmitted checkout gets its order back even if its stock or slot has since run out.
  const existing = await findByCheckout(db, input.checkoutId);
  if (existing) return existing;

  const store = await loadStore(db, input.storeId);
  if (!store) throw notFound("That pickup store");
  if (input.pickupMethod === "CURBSIDE" && !store.curbsideEnabled) {
    throw new DomainError("INVALID_INPUT", `${store.name} does not offer curbside pickup. Choose in-store pickup.`, { field: "pickupMethod" });
  }
  const lines = mergeCartLines(input.lines);
  // The cart's products with where this store shelves them, in one statement.
  const products = await db.$queryRaw<{ id: string; sku: string; name: string; priceCents: number; imageUrl: string; barcode: string; location: string | null }[]>`
    SELECT p."id", p."sku", p."name", p."priceCents", p."imageUrl", p."barcode", i."location"
      FROM "Product" p LEFT JOIN "InventoryLevel" i ON i."productId" = p."id" AND i."storeId" = ${store.id}::uuid
     WHERE p."id" = ANY(${lines.map((line) => line.productId)}::uuid[])`;
  if (products.length !== lines.length) throw new DomainError("INVALID_INPUT", "Some items in your cart are no longer sold. Remove them and try again.");
  const productById = new Map(products.map((product) => [product.id, product]));
  /** A cart line as the order keeps it: what was sold, at what price. */
  const soldLine = (line: { productId: string; quantity: number }) => {
    const product = productById.get(line.productId)!;
    return { productId: product.id, sku: product.sku, name: product.name, quantity: line.quantity, unitPriceCents: product.priceCents };
  };

  const offer = await storeSlotOffer(db, store, now, { through: input.slotStartsAt });
  const slot = offer.slots.find((candidate) => candidate.startsAt.getTime() === input.slotStartsAt.getTime());
  if (!offer.readyBy || !slot) {
    throw new DomainError("SLOT_UNAVAILABLE", "That pickup time is no longer available. Choose another time.", { field: "slotStartsAt" });
  }
  const promisedReadyAt = offer.readyBy;

  try {
    const placed = await db.$transaction(async (tx) => {
      // Serializes submissions of one checkout form, so a double click waits and finds the first order.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${input.checkoutId}))`;
      const earlier = await findByCheckout(tx, input.checkoutId);
      if (earlier) return earlier;

      const slotId = await ensureSlotRow(tx, { storeId: store.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: store.slotCapacity });
      const sortedLines = [...lines].sort((a, b) => a.productId.localeCompare(b.productId));
      const orderId = randomUUID();
      const accessToken = newAccessToken();
      const totalCents = lines.reduce((sum, line) => sum + productById.get(line.productId)!.priceCents * line.quantity, 0);
      const holdUntil = new Date(slot.endsAt.getTime() + store.holdHours * 3_600_000);
      const order = await tx.order.create({
        data: {
          id: orderId,
          accessToken,
          checkoutId: input.checkoutId,
          placedByBrowser: input.placedByBrowser ?? null,
          status: INITIAL_ORDER_STATUS,
          ...(input.origin ? { channel: input.origin.channel, channelOrderId: input.origin.channelOrderId, routing: input.origin.routing } : {}),
          customerName: input.name,
          customerEmail: input.email,
          customerPhone: input.phone,
          storeId: store.id,
          pickupMethod: input.pickupMethod,
          slotId,
          promisedReadyAt,
          holdUntil,
          pickupCodeHash: hashPickupCode(orderId, pickupCodeFor(accessToken)),
          totalCents,
          placedAt: now,
          lines: {
            create: sortedLines.map((line) => {
              const { productId, quantity, ...sold } = soldLine(line);
              return { ...sold, productId, quantity, reservation: { create: { storeId: store.id, productId, quantity, expiresAt: holdUntil } } };
            }),
          },
        },
      });

      await recordAuthorization(tx, input, orderId, totalCents, now);

      await writeOutboxEvent(tx, {
        type: EVENT.orderCreated,
        orderId,
        occurredAt: now,
        payload: {
          orderId,
          orderNumber: order.number,
          storeCode: store.code,
          pickupMethod: input.pickupMethod,
          // The keyed hash only: the store verifies the shopper's code without ever holding it.
          pickupCodeHash: order.pickupCodeHash,
          slot: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
          promisedReadyAt: promisedReadyAt.toISOString(),
          // The store's pick-to-ready target, counted in its opening hours.
          pickTargetAt: addOpeningMinutes(scheduleOf(store), now, store.pickTargetMinutes)?.toISOString() ?? null,
          storeName: store.name,
          pickup: pickupDetailsOf({ pickupMethod: input.pickupMethod, promisedReadyAt, holdUntil, slot, store }),
          totalCents,
          customer: { name: input.name, email: input.email, phone: input.phone },
          lines: sortedLines.map((line) => {
            const { sku, name, quantity, unitPriceCents } = soldLine(line);
            const product = productById.get(line.productId)!;
            // What the picker needs to find it: the store's own shelf location, the photo and the barcode.
            return { sku, name, quantity, unitPriceCents, imageUrl: product.imageUrl, barcode: product.barcode, location: product.location };
          }),
        },
      });

      // The contended rows (stock levels, the pickup window) are taken last, so their
      // row locks are held only for the moment before commit. A fixed lock order (by
      // product) keeps concurrent multi-item checkouts from deadlocking.
      for (const line of sortedLines) {
        if (!(await allocateStock(tx, { storeId: store.id, productId: line.productId, quantity: line.quantity }))) {
          throw await insufficientStock(tx, store, productById.get(line.productId)!, line.quantity);
        }
      }
      if (!(await takeSlotPlace(tx, slotId))) {
        throw new DomainError("SLOT_UNAVAILABLE", "That pickup time just filled up. Choose another time.", { field: "slotStartsAt" });
      }
      // Last: marking step 1 arrived also counts it in the store's delivered-step bucket, a row
      // every placement at this store updates, so its lock is held only until the commit.
      await startChain(tx, { orderId, chain: "PLACEMENT", at: now, arrived: ["placement-placed"] });
      return { orderId, number: order.number, accessToken, alreadyPlaced: false, placedByBrowser: order.placedByBrowser };
    }, TRANSACTION_OPTIONS);
    if (!placed.alreadyPlaced) await wakeDispatcher(db);
    return placed;
  } catch (error) {
    // Two submissions of one checkout racing past the advisory lock's first check.
    if (isUniqueViolation(error)) {
      const earlier = await findByCheckout(db, input.checkoutId);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** Authorizes the card at checkout, or records the authorization a channel already holds. */
async function recordAuthorization(tx: Tx, input: PlaceOrderRequest, orderId: string, totalCents: number, now: Date) {
  const idempotencyKey = `authorize:${input.checkoutId}`;
  if (input.origin) {
    await tx.paymentAuthorization.create({
      data: {
        orderId,
        provider: `channel:${input.origin.channel.toLowerCase()}`,
        providerRef: input.origin.paymentReference,
        idempotencyKey,
        amountCents: totalCents,
        cardLast4: input.origin.cardLast4 ?? "----",
        status: "AUTHORIZED",
        authorizedAt: now,
        expiresAt: new Date(now.getTime() + CHANNEL_AUTHORIZATION_DAYS * 86_400_000),
      },
    });
    return;
  }
  const authorization = await authorizePayment(tx, { cardNumber: input.cardNumber, amountCents: totalCents, idempotencyKey, at: now });
  await tx.paymentAuthorization.create({
    data: {
      orderId,
      provider: TEST_PROVIDER,
      providerRef: authorization.reference,
      idempotencyKey,
      amountCents: totalCents,
      cardLast4: authorization.last4,
      status: "AUTHORIZED",
      authorizedAt: now,
      expiresAt: authorization.expiresAt,
    },
  });
}

async function findByCheckout(db: Db | Tx, checkoutId: string): Promise<PlacedOrder | null> {
  const order = await db.order.findUnique({ where: { checkoutId }, select: { id: true, number: true, accessToken: true, placedByBrowser: true } });
  return order ? { orderId: order.id, number: order.number, accessToken: order.accessToken, alreadyPlaced: true, placedByBrowser: order.placedByBrowser } : null;
}

async function insufficientStock(tx: Tx, store: StoreWithHours, product: { id: string; name: string }, requested: number) {
  const level = await tx.inventoryLevel.findUnique({ where: { storeId_productId: { storeId: store.id, productId: product.id } } });
  const available = availableToPromise(level ?? undefined);
  const message =
    available === 0
      ? `${product.name} just sold out at ${store.name}. Pick another store or remove it from your cart.`
      : `Only ${available} left of ${product.name} at ${store.name} — pick another store or lower the quantity.`;
  return new DomainError("INSUFFICIENT_STOCK", message, { productId: product.id, requested, available, storeId: store.id });
}
