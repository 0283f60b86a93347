import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import { cancelOrderInTx } from "./cancel-order";
import { orderEventContext } from "./order-event-context";
import type { z } from "zod";
import { DECLINED_AT_HANDOVER, shortEffectOf, type linesShortedDataSchema, type ShortEffect } from "@/lib/oms/events";
import { lockLevels } from "@/lib/oms/inventory/lock-levels";
import type { SplitOrder } from "@/lib/oms/reroute/split-order";

export type ShortLine = { sku: string; quantity: number; reason: string };

/** What a line still holds once its short units are taken out. */
export const unitsLeft = (line: { quantity: number; shortQuantity: number }) => line.quantity - line.shortQuantity;

/**
 * What the order still asks of a store of its own: every unit but those split off to another
 * order (a whole move takes these, short ones included, and leaves the split-off ones where they went).
 */
export const unitsToMove = (line: { quantity: number; splitQuantity: number }) => line.quantity - line.splitQuantity;

/** The order's lines as a move or a choice of store sees them: only what is still the order's own. */
export function linesToMove<L extends { quantity: number; splitQuantity: number }>(lines: L[]): L[] {
  return lines.filter((line) => unitsToMove(line) > 0).map((line) => ({ ...line, quantity: unitsToMove(line) }));
}

export type ToldShort = ShortLine & { name: string };

/** Short units with what another store needs to take them on. */
type ShortUnits = ToldShort & { productId: string; unitPriceCents: number };

/** Where a short order may go instead, by the retailer's reroute setting. */
export type ShortRerouting = {
  /**
   * Another store takes the whole order now; true if it moved. Once it has found the store and
   * locked both stores' levels, it calls `actOnStock` (the short units' reasons act on this
   * store's shelf, with the units still held) before it moves the order.
   */
  move(shorted: ToldShort[], actOnStock: () => Promise<void>): Promise<boolean>;
  /**
   * When no store takes the whole order: a store for the short units alone. It locks both
   * stores' levels for them before this store's shelf moves, and the returned step then places
   * them there as an order of their own once they are out of this one (null if it ran out).
   */
  splitOff(shorted: ShortUnits[]): Promise<(() => Promise<SplitOrder | null>) | null>;
  /**
   * The order stays smaller here, and the shopper is offered a store with every unit, or one with
   * the short units alone (written with the short's event).
   */
  offer(shorted: ShortUnits[]): Promise<z.input<typeof linesShortedDataSchema>["offer"] | null>;
};

/**
 * The store could not find some units. The OMS takes them out of the order: their
 * reservations are written off (each reason acting on the store's stock), then either the
 * order moves whole to a store that has everything (`rerouting.move`, when the retailer
 * reroutes automatically), or the amount to capture drops to what is left and the WMS and the
 * customer are told. The short units themselves may go on as an order of their own at a store
 * that has them (`rerouting.splitOff`, automatically), or the shopper is offered a store with
 * everything, or with the short units (`rerouting.offer`, when the retailer asks first). When
 * nothing is left and it did not move, the short is announced and the order canceled.
 */
export async function shortOrderLinesInTx(tx: Tx, input: { orderId: string; at: Date; lines: ShortLine[] }, rerouting?: ShortRerouting) {
  // The order first: a cancel or a pickup racing this short waits, and what is read below is current.
  await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "id" = ${input.orderId}::uuid FOR UPDATE`;
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: {
      status: true,
      storeId: true,
      store: { select: { code: true } },
      lines: { select: { id: true, productId: true, sku: true, name: true, quantity: true, shortQuantity: true, unitPriceCents: true, reservation: true } },
    },
  });
  if (!order) throw notFound("Order");
  // At the handover (a ready order) the customer may decline items; nothing else is short by then.
  const declinedAtHandover = order.status === "READY" && input.lines.every((line) => line.reason === DECLINED_AT_HANDOVER);
  if (order.status !== "PLACED" && order.status !== "PICKING" && !declinedAtHandover) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `The order is ${order.status.toLowerCase().replace("_", " ")}; its lines can only be shorted while it is being picked${order.status === "READY" ? `, or declined by the customer at the handover ("${DECLINED_AT_HANDOVER}")` : ""}.`,
    );
  }
  const shorted: (ShortLine & { name: string; line: (typeof order.lines)[number] })[] = [];
  for (const short of input.lines) {
    const line = order.lines.find((candidate) => candidate.sku === short.sku);
    if (!line) throw new DomainError("INVALID_INPUT", `The order has no line ${short.sku}.`, { field: "lines" });
    const alreadyShort = shorted.filter((earlier) => earlier.sku === short.sku).reduce((sum, earlier) => sum + earlier.quantity, 0);
    if (short.quantity > unitsLeft(line) - alreadyShort) {
      throw new DomainError("INVALID_INPUT", `Only ${unitsLeft(line) - alreadyShort} of ${short.sku} are left on the order; ${short.quantity} cannot be short.`, { field: "lines" });
    }
    shorted.push({ ...short, name: line.name, line });
  }
  const told = shorted.map(({ sku, quantity, reason, name }) => ({ sku, quantity, reason, name }));
  for (const { line, quantity, reason } of shorted) {
    await tx.shortPick.create({ data: { orderId: input.orderId, storeId: order.storeId, sku: line.sku, quantity, reason, at: input.at } });
  }

  const reroutes = declinedAtHandover ? undefined : rerouting;
  let acted = false;
  // Each reason acts on this store's shelf first, with the units still held: the order leaves
  // whole (the move gives back everything it held here), or stays and gives them back below.
  const actOnStock = async () => {
    for (const { line, quantity, reason } of shorted) await moveLevel(tx, line.reservation, quantity, { effect: shortEffectOf(reason), release: false }, line.sku, order.store.code, input.at);
    acted = true;
  };
  if (reroutes && (await reroutes.move(told, actOnStock))) return;
  // Units short of an order that keeps some may go to another store on their own, chosen (and its
  // levels locked with this store's) before this store's shelf moves.
  const shortOfLine = new Map<string, number>();
  for (const { line, quantity } of shorted) shortOfLine.set(line.id, (shortOfLine.get(line.id) ?? 0) + quantity);
  const somethingLeft = order.lines.some((line) => unitsLeft(line) > (shortOfLine.get(line.id) ?? 0));
  const shortUnits = shorted.map(({ line, ...short }) => ({ ...short, productId: line.productId, unitPriceCents: line.unitPriceCents }));
  const placeSplit = reroutes && somethingLeft ? await reroutes.splitOff(shortUnits) : null;
  if (!placeSplit) await lockLevels(tx, shorted.map(({ line }) => ({ storeId: order.storeId, productId: line.productId })));
  for (const { line, quantity, reason } of shorted) {
    line.shortQuantity += quantity;
    await tx.orderLine.update({ where: { id: line.id }, data: { shortQuantity: line.shortQuantity, shortReason: reason } });
    // Units the reason already acted on (before the move was tried) are only given back now.
    await moveLevel(tx, line.reservation, quantity, { effect: acted ? null : shortEffectOf(reason), release: true }, line.sku, order.store.code, input.at);
    await releaseReservedUnits(tx, line.reservation, quantity, input.at);
  }

  if (order.lines.every((line) => unitsLeft(line) === 0)) {
    // The short is announced before the cancel: the WMS drops the short units from what it holds,
    // so the cancel gives back none of them (their reason already decided what the shelf shows).
    await writeOutboxEvent(tx, {
      type: EVENT.orderLinesShorted,
      orderId: input.orderId,
      occurredAt: input.at,
      payload: { ...(await orderEventContext(tx, input.orderId)), shorted: told, totalCents: 0, canceled: true },
    });
    const reason = declinedAtHandover ? "The customer declined every item at pickup" : "None of the items could be found at the store";
    return cancelOrderInTx(tx, { orderId: input.orderId, reason, origin: "POS" }, input.at);
  }
  const totalCents = order.lines.reduce((sum, line) => sum + unitsLeft(line) * line.unitPriceCents, 0);
  await tx.order.update({ where: { id: input.orderId }, data: { totalCents } });
  const split = placeSplit ? await placeSplit() : null;
  const offer = reroutes && !split ? await reroutes.offer(shortUnits) : null;
  await writeOutboxEvent(tx, {
    type: EVENT.orderLinesShorted,
    orderId: input.orderId,
    occurredAt: input.at,
    payload: { ...(await orderEventContext(tx, input.orderId)), shorted: told, totalCents, ...(offer ? { offer } : {}), ...(split ? { split: split.told } : {}) },
  });
}

type HeldReservation = { id: string; storeId: string; productId: string; quantity: number; status: string } | null;

/** Takes `units` out of a line's held reservation. */
async function releaseReservedUnits(tx: Tx, reservation: HeldReservation, units: number, at: Date) {
  if (!reservation || reservation.status !== "HELD") return;
  const remaining = reservation.quantity - units;
  await tx.reservation.update({ where: { id: reservation.id }, data: remaining > 0 ? { quantity: remaining } : { status: "RELEASED", releasedAt: at } });
  reservation.quantity = remaining;
}

/**
 * Moves the store's level for `units` of a held line: `release` gives them back from allocated,
 * and `effect` is what the short's reason does to the shelf (`SHORT_REASON_EFFECTS`): units not
 * found leave the item showing as out of stock at the store until its next count (on-hand drops
 * to what is still held without them, so available-to-promise is 0 and neither routing nor the
 * store picker offers it); damaged, expired or recalled units leave on-hand; units the customer
 * declined go back to available. The storefront hears of the change in what is available (the
 * unfloored figure, so deltas add up in any order).
 */
async function moveLevel(tx: Tx, reservation: HeldReservation, units: number, move: { effect: ShortEffect | null; release: boolean }, sku: string, storeCode: string, at: Date) {
  if (!reservation || reservation.status !== "HELD") return;
  const [moved] = await tx.$queryRaw<{ before: number; after: number }[]>`
    WITH level AS (SELECT "onHand", "allocated", "safetyStock" FROM "InventoryLevel" WHERE "storeId" = ${reservation.storeId}::uuid AND "productId" = ${reservation.productId}::uuid FOR UPDATE),
    moved AS (
      UPDATE "InventoryLevel" i
         SET "allocated" = CASE WHEN ${move.release} THEN GREATEST(0, i."allocated" - ${units}) ELSE i."allocated" END,
             "onHand" = CASE ${move.effect ?? "none"}
               WHEN 'write_off' THEN GREATEST(0, i."onHand" - ${units})
               WHEN 'hold_back' THEN LEAST(i."onHand", GREATEST(0, i."allocated" - ${units}) + i."safetyStock")
               ELSE i."onHand" END,
             "updatedAt" = now()
        FROM level
       WHERE i."storeId" = ${reservation.storeId}::uuid AND i."productId" = ${reservation.productId}::uuid
      RETURNING i."onHand" - i."allocated" - i."safetyStock" AS "after", level."onHand" - level."allocated" - level."safetyStock" AS "before")
    SELECT "before", "after" FROM moved`;
  if (moved && moved.after !== moved.before) {
    await writeOutboxEvent(tx, { type: EVENT.inventoryAdjusted, orderId: null, occurredAt: at, payload: { storeCode, lines: [{ sku, availableDelta: moved.after - moved.before }] } });
  }
}
