import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import { cancelOrderInTx } from "./cancel-order";
import { orderEventContext } from "./order-event-context";
import { DECLINED_AT_HANDOVER, shortEffectOf } from "@/lib/oms/events";

export type ShortLine = { sku: string; quantity: number; reason: string };

/** What a line still holds once its short units are taken out. */
export const unitsLeft = (line: { quantity: number; shortQuantity: number }) => line.quantity - line.shortQuantity;

/**
 * The store could not find some units. The OMS takes them out of the order: their
 * reservations are written off, the amount to capture drops to what is left, and the
 * WMS and the customer are told. When nothing is left the order is canceled instead.
 */
export async function shortOrderLinesInTx(tx: Tx, input: { orderId: string; at: Date; lines: ShortLine[] }) {
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: {
      status: true,
      storeId: true,
      store: { select: { code: true } },
      lines: { select: { id: true, sku: true, name: true, quantity: true, shortQuantity: true, unitPriceCents: true, reservation: true } },
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
  const shorted: (ShortLine & { name: string })[] = [];
  for (const short of input.lines) {
    const line = order.lines.find((candidate) => candidate.sku === short.sku);
    if (!line) throw new DomainError("INVALID_INPUT", `The order has no line ${short.sku}.`, { field: "lines" });
    if (short.quantity > unitsLeft(line)) {
      throw new DomainError("INVALID_INPUT", `Only ${unitsLeft(line)} of ${short.sku} are left on the order; ${short.quantity} cannot be short.`, { field: "lines" });
    }
    line.shortQuantity += short.quantity;
    await tx.orderLine.update({ where: { id: line.id }, data: { shortQuantity: line.shortQuantity, shortReason: short.reason } });
    await releaseUnits(tx, line.reservation, short.quantity, short.reason, line.sku, order.store.code, input.at);
    await tx.shortPick.create({ data: { orderId: input.orderId, storeId: order.storeId, sku: line.sku, quantity: short.quantity, reason: short.reason, at: input.at } });
    shorted.push({ ...short, name: line.name });
  }

  if (order.lines.every((line) => unitsLeft(line) === 0)) {
    return cancelOrderInTx(tx, { orderId: input.orderId, reason: "None of the items could be found at the store", origin: "POS" }, input.at);
  }
  const totalCents = order.lines.reduce((sum, line) => sum + unitsLeft(line) * line.unitPriceCents, 0);
  await tx.order.update({ where: { id: input.orderId }, data: { totalCents } });
  await writeOutboxEvent(tx, {
    type: EVENT.orderLinesShorted,
    orderId: input.orderId,
    occurredAt: input.at,
    payload: { ...(await orderEventContext(tx, input.orderId)), shorted, totalCents },
  });
}

type HeldReservation = { id: string; storeId: string; productId: string; quantity: number; status: string } | null;

/**
 * Takes `units` out of a line's reservation, with the effect its reason has on the store's
 * stock (`SHORT_REASON_EFFECTS`): units not found leave the item showing as out of stock at
 * the store until its next count (on-hand drops to what is still held, so available-to-promise
 * is 0 and neither routing nor the store picker offers it); damaged, expired or recalled units
 * leave on-hand as well as allocated; units the customer declined go back to available. The
 * storefront hears of any change in what is available.
 */
async function releaseUnits(tx: Tx, reservation: HeldReservation, units: number, reason: string, sku: string, storeCode: string, at: Date) {
  if (!reservation || reservation.status !== "HELD") return;
  const remaining = reservation.quantity - units;
  await tx.reservation.update({
    where: { id: reservation.id },
    data: remaining > 0 ? { quantity: remaining } : { status: "RELEASED", releasedAt: at },
  });
  reservation.quantity = remaining;
  const effect = shortEffectOf(reason);
  const [moved] = await tx.$queryRaw<{ before: number; after: number }[]>`
    WITH level AS (SELECT "onHand", "allocated", "safetyStock" FROM "InventoryLevel" WHERE "storeId" = ${reservation.storeId}::uuid AND "productId" = ${reservation.productId}::uuid FOR UPDATE),
    moved AS (
      UPDATE "InventoryLevel" i
         SET "allocated" = GREATEST(0, i."allocated" - ${units}),
             "onHand" = CASE ${effect}
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
