import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { splitLinesSchema } from "@/lib/oms/events";
import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import { startChain } from "@/lib/bus/start-chain";
import type { Tx } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";
import { hashPickupCode, newAccessToken, pickupCodeFor } from "@/lib/platform/security/pickup-code";
import { splitAuthorization } from "@/lib/oms/payments/test-provider";
import { INITIAL_ORDER_STATUS } from "@/lib/oms/orders/order-status";
import { pickupDetailsOf } from "@/lib/oms/orders/order-event-context";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import { scheduleOf } from "@/lib/oms/stores/load-stores";
import { pickListAt } from "@/lib/oms/stores/pick-list-at";
import type { RerouteTarget } from "./choose-reroute-store";
import { storeOfferOf } from "./offer-store";
import { giveBackStock, takeStock, takeWindowPlace } from "./take-store-place";
import { notTakingOrders, storeTakesAnotherOrder } from "@/lib/oms/stores/store-takes-another-order";

export type SplitLine = z.infer<typeof splitLinesSchema>[number];

export type SplitInput = {
  /** The order whose store could not find these units. */
  fromOrderId: string;
  target: RerouteTarget;
  lines: SplitLine[];
  /** Why they left the first store, as the shopper is told it. */
  reason: string;
  at: Date;
  /** The offer of these units the shopper accepted, when they were asked first. */
  acceptedRerouteId?: string;
};

/** The order placed at the second store, and how the first order's event tells the shopper of it. */
export type SplitOrder = { orderId: string; told: ReturnType<typeof storeOfferOf> & { orderNumber: number; totalCents: number } };

/** The second order, or why the store could not take the units after all (nothing written then). */
export type SplitOutcome = { split: SplitOrder } | { split: null; why: string };

/**
 * Places the units a store could not find at another store, as an order of their own (its own
 * pickup code, link and ready-by), in the caller's transaction: the target's stock and a place in
 * its window are taken with conditional updates (all or none: nothing is written when it ran out,
 * paused or reached a cap since it was chosen); the card authorization gives the new order its share; and the
 * new order starts its placement chain with `order.created`, so the second store's POS, the WMS,
 * the storefront and the shopper learn of it as of any order. The first order keeps its code and
 * the rest of its lines; the caller has taken the units out of it and locked both stores' levels.
 */
export async function splitOffInTx(tx: Tx, input: SplitInput): Promise<SplitOutcome> {
  const from = await tx.order.findUnique({
    where: { id: input.fromOrderId },
    select: {
      number: true, storeId: true, pickupMethod: true, rerouteCount: true, customerName: true, customerEmail: true, customerPhone: true,
      store: { select: { name: true } },
      payment: { select: { id: true, provider: true, providerRef: true, idempotencyKey: true, cardLast4: true, status: true, amountCents: true, expiresAt: true } },
    },
  });
  if (!from?.payment) throw notFound("Order");
  const { store: to, slot, readyBy } = input.target;
  const lines = [...input.lines].sort((a, b) => a.productId.localeCompare(b.productId));
  if (!(await storeTakesAnotherOrder(tx, to.id, input.at))) return { split: null, why: notTakingOrders(to.name) };
  if (!(await takeStock(tx, to.id, lines))) return { split: null, why: `${to.name} no longer has them` };
  const windowId = await takeWindowPlace(tx, to, slot);
  if (!windowId) {
    await giveBackStock(tx, to.id, lines);
    return { split: null, why: `${to.name}'s pickup window filled up` };
  }

  const orderId = randomUUID();
  const accessToken = newAccessToken();
  const pickupCodeHash = hashPickupCode(orderId, pickupCodeFor(accessToken));
  const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const holdUntil = new Date(slot.endsAt.getTime() + to.holdHours * 3_600_000);
  // The new order is paid from the first one's authorization: its share splits off, the first keeps the rest.
  const share = await splitAuthorization(tx, { reference: from.payment.providerRef, amountCents: totalCents, key: orderId });
  await tx.paymentAuthorization.update({ where: { id: from.payment.id }, data: { amountCents: { decrement: totalCents } } });

  const order = await tx.order.create({
    data: {
      id: orderId,
      accessToken,
      checkoutId: `split:${orderId}`,
      status: INITIAL_ORDER_STATUS,
      customerName: from.customerName,
      customerEmail: from.customerEmail,
      customerPhone: from.customerPhone,
      store: { connect: { id: to.id } },
      slot: { connect: { id: windowId } },
      pickupMethod: from.pickupMethod,
      promisedReadyAt: readyBy,
      holdUntil,
      pickupCodeHash,
      totalCents,
      placedAt: input.at,
      // A split counts as a move: the units may go on at most as far as the order could.
      rerouteCount: from.rerouteCount + 1,
      splitFrom: { connect: { id: input.fromOrderId } },
      lines: {
        create: lines.map((line) => ({
          productId: line.productId, sku: line.sku, name: line.name, quantity: line.quantity, unitPriceCents: line.unitPriceCents,
          reservation: { create: { storeId: to.id, productId: line.productId, quantity: line.quantity, expiresAt: holdUntil } },
        })),
      },
      payment: {
        create: {
          provider: from.payment.provider, providerRef: share, idempotencyKey: `${from.payment.idempotencyKey}:split:${orderId}`, amountCents: totalCents,
          cardLast4: from.payment.cardLast4, status: "AUTHORIZED", authorizedAt: input.at, expiresAt: from.payment.expiresAt,
        },
      },
    },
    select: { number: true },
  });

  // The first order's lines remember what went on, so a later move of it takes only the rest.
  await tx.$executeRaw`
    UPDATE "OrderLine" l SET "splitQuantity" = l."splitQuantity" + u."quantity"
      FROM unnest(${lines.map((line) => line.productId)}::uuid[], ${lines.map((line) => line.quantity)}::int[]) AS u("productId", "quantity")
     WHERE l."orderId" = ${input.fromOrderId}::uuid AND l."productId" = u."productId"`;
  await startChain(tx, { orderId, chain: "PLACEMENT", at: input.at, arrived: ["placement-placed"] });
  await writeOutboxEvent(tx, {
    type: EVENT.orderCreated,
    orderId,
    occurredAt: input.at,
    payload: {
      orderId,
      orderNumber: order.number,
      storeCode: to.code,
      storeName: to.name,
      pickupMethod: from.pickupMethod,
      pickupCodeHash,
      slot: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
      promisedReadyAt: readyBy.toISOString(),
      pickTargetAt: addOpeningMinutes(scheduleOf(to), input.at, to.pickTargetMinutes)?.toISOString() ?? null,
      pickup: pickupDetailsOf({ pickupMethod: from.pickupMethod, promisedReadyAt: readyBy, holdUntil, slot, store: to }),
      totalCents,
      customer: { name: from.customerName, email: from.customerEmail, phone: from.customerPhone },
      lines: await pickListAt(tx, to.id, lines),
      splitFrom: { orderNumber: from.number, storeName: from.store.name, reason: input.reason },
    },
  });
  const decided = { status: "SPLIT" as const, toStoreId: to.id, readyBy, slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, decidedAt: input.at };
  if (input.acceptedRerouteId) await tx.orderReroute.update({ where: { id: input.acceptedRerouteId }, data: decided });
  else await tx.orderReroute.create({ data: { orderId: input.fromOrderId, trigger: "SHORT", reason: input.reason, fromStoreId: from.storeId, ...decided } });
  return { split: { orderId, told: { ...storeOfferOf(input.target), orderNumber: order.number, totalCents } } };
}
