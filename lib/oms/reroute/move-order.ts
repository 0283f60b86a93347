import type { RerouteTrigger } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import { startChain } from "@/lib/bus/start-chain";
import { lockLevels } from "@/lib/oms/inventory/lock-levels";
import { releaseLevels } from "@/lib/oms/inventory/close-reservations";
import { releaseSlot } from "@/lib/oms/slots/book-slot";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import { scheduleOf } from "@/lib/oms/stores/load-stores";
import { pickListAt } from "@/lib/oms/stores/pick-list-at";
import { pickupDetailsOf } from "@/lib/oms/orders/order-event-context";
import { transitionOrder } from "@/lib/oms/orders/transition-order";
import { statusesLeadingTo } from "@/lib/oms/orders/order-status";
import { linesToMove } from "@/lib/oms/orders/short-lines";
import type { RerouteTarget } from "./choose-reroute-store";
import { giveBackStock, takeStock, takeWindowPlace } from "./take-store-place";
import { notTakingOrders, storeTakesAnotherOrder } from "@/lib/oms/stores/store-takes-another-order";

export type MoveOrderInput = {
  orderId: string;
  target: RerouteTarget;
  /** Why the order left its store, as the shopper is told it. */
  reason: string;
  trigger: RerouteTrigger;
  at: Date;
  /** The offer the shopper accepted, when they were asked first. */
  acceptedRerouteId?: string;
};

export type MoveOutcome = { moved: true } | { moved: false; why: string };

/**
 * Moves an open order to another store in the caller's transaction: the new store's stock is
 * taken line by line with conditional updates (all lines or none) and a place in its pickup
 * window likewise; then the old store's held units and window place are given back, the
 * order's reservations move with it, and `order.rerouted` tells the stores' POS, the WMS,
 * the storefront and the shopper. The whole order moves, short lines included (but units split
 * off to another order, which stay there): the shopper
 * collects everything at the new store. When the new store cannot take it after all (its
 * stock or window ran out since it was chosen), nothing is written and the caller may try
 * the next store; so may it when the store stopped taking pickup orders (a pause or a cap).
 */
export async function moveOrderInTx(tx: Tx, input: MoveOrderInput): Promise<MoveOutcome> {
  // The order before any stock: every change to an order takes its row first, then levels.
  await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "id" = ${input.orderId}::uuid FOR UPDATE`;
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true, number: true, status: true, storeId: true, slotId: true, pickupMethod: true, pickupCodeHash: true, rerouteCount: true,
      customerName: true, customerEmail: true, customerPhone: true,
      store: { select: { code: true, name: true } },
      lines: { orderBy: { productId: "asc" }, select: { id: true, productId: true, sku: true, name: true, quantity: true, splitQuantity: true, unitPriceCents: true, reservation: { select: { storeId: true, productId: true, quantity: true, status: true } } } },
    },
  });
  if (!order) throw notFound("Order");
  if (!statusesLeadingTo("PLACED").includes(order.status)) {
    throw new DomainError("INVALID_TRANSITION", `The order is ${order.status.toLowerCase().replace("_", " ")}, so it cannot move to another store.`, { from: order.status });
  }
  const { store: to, slot, readyBy } = input.target;
  if (to.id === order.storeId) throw new DomainError("CONFLICT", "The order is already at that store.");
  // A store that paused pickup orders, or reached a cap, since it was chosen or offered takes no more.
  if (!(await storeTakesAnotherOrder(tx, to.id, input.at))) return { moved: false, why: notTakingOrders(to.name) };

  // Units split off to another order stay there: the move takes the rest of each line.
  const moving = linesToMove(order.lines);
  const lines = moving.map((line) => ({ productId: line.productId, quantity: line.quantity }));
  // Both stores' levels first, in the one order every multi-store stock change takes them.
  await lockLevels(tx, [...lines.map((line) => ({ storeId: to.id, productId: line.productId })), ...lines.map((line) => ({ storeId: order.storeId, productId: line.productId }))]);
  if (!(await takeStock(tx, to.id, lines))) return { moved: false, why: `${to.name} no longer has every item` };
  const windowId = await takeWindowPlace(tx, to, slot);
  if (!windowId) {
    await giveBackStock(tx, to.id, lines);
    return { moved: false, why: `${to.name}'s pickup window filled up` };
  }

  // The old store: what it held goes back on its shelf, and its window place is free again.
  await releaseLevels(
    tx,
    order.lines.flatMap(({ reservation }) => (reservation?.status === "HELD" ? [{ storeId: reservation.storeId, productId: reservation.productId, quantity: reservation.quantity, leavesTheStore: false }] : [])),
  );
  await releaseSlot(tx, order.slotId);

  const holdUntil = new Date(slot.endsAt.getTime() + to.holdHours * 3_600_000);
  await tx.$executeRaw`
    UPDATE "Reservation" r
       SET "storeId" = ${to.id}::uuid, "quantity" = l."quantity" - l."splitQuantity", "status" = 'HELD', "expiresAt" = ${holdUntil}::timestamp, "releasedAt" = NULL, "consumedAt" = NULL
      FROM "OrderLine" l WHERE r."orderLineId" = l."id" AND l."orderId" = ${order.id}::uuid AND l."quantity" > l."splitQuantity"`;
  // Every line is collected in full at the new store (what the old one could not find is not short
  // there), but for units split off to another order: those stay short here, collected there.
  await tx.$executeRaw`
    UPDATE "OrderLine" SET "shortQuantity" = "splitQuantity", "shortReason" = CASE WHEN "splitQuantity" > 0 THEN "shortReason" END
     WHERE "orderId" = ${order.id}::uuid`;

  const totalCents = moving.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const rerouteNumber = order.rerouteCount + 1;

  // The chain before the event: a reroute's steps are this move's, not an earlier one's.
  await startChain(tx, { orderId: order.id, chain: "REROUTE", at: input.at, only: ["reroute-moved", "reroute-queued", "reroute-held", "reroute-shown", "reroute-notified", "reroute-available"], arrived: ["reroute-moved"] });
  await transitionOrder(tx, {
    orderId: order.id,
    to: "PLACED",
    at: input.at,
    changes: {
      store: { connect: { id: to.id } },
      slot: { connect: { id: windowId } },
      promisedReadyAt: readyBy,
      holdUntil,
      totalCents,
      rerouteCount: { increment: 1 },
      // The new store starts the pick afresh, with its own promise: the old store's delay is gone.
      readyAt: null,
      revisedReadyAt: null,
      delayNotifiedAt: null,
    },
    payload: {
      orderNumber: order.number,
      storeCode: to.code,
      storeName: to.name,
      totalCents,
      promisedReadyAt: readyBy.toISOString(),
      pickupMethod: order.pickupMethod,
      pickupCodeHash: order.pickupCodeHash,
      slot: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
      pickTargetAt: addOpeningMinutes(scheduleOf(to), input.at, to.pickTargetMinutes)?.toISOString() ?? null,
      customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
      pickup: pickupDetailsOf({ pickupMethod: order.pickupMethod, promisedReadyAt: readyBy, holdUntil, slot, store: to }),
      lines: await pickListAt(tx, to.id, moving),
      previousStore: { code: order.store.code, name: order.store.name },
      reason: input.reason,
      rerouteNumber,
      trigger: input.trigger,
    },
  });
  if (input.acceptedRerouteId) {
    await tx.orderReroute.update({ where: { id: input.acceptedRerouteId }, data: { status: "MOVED", toStoreId: to.id, readyBy, slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, decidedAt: input.at } });
  } else {
    await tx.orderReroute.create({
      data: { orderId: order.id, trigger: input.trigger, reason: input.reason, fromStoreId: order.storeId, toStoreId: to.id, status: "MOVED", readyBy, slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, decidedAt: input.at },
    });
  }
  return { moved: true };
}

export const MOST_REROUTES = 3;

/** The stores an order may not go back to: its own, and every store it (or the order it was split from) left. */
export async function storesThatCouldNotFill(tx: Tx, orderId: string, currentStoreId: string): Promise<string[]> {
  // An order split from another may not go back to the stores that one could not fill from either.
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { splitFromId: true } });
  const orders = order?.splitFromId ? [orderId, order.splitFromId] : [orderId];
  const left = await tx.orderReroute.findMany({ where: { orderId: { in: orders } }, select: { fromStoreId: true } });
  return [...new Set([currentStoreId, ...left.map((reroute) => reroute.fromStoreId)])];
}

