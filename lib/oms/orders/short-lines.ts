import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import { DomainError, notFound } from "@/lib/platform/errors";
import { cancelOrderInTx } from "./cancel-order";
import { orderEventContext } from "./order-event-context";

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
      lines: { select: { id: true, sku: true, name: true, quantity: true, shortQuantity: true, unitPriceCents: true, reservation: true } },
    },
  });
  if (!order) throw notFound("Order");
  if (order.status !== "PLACED" && order.status !== "PICKING") {
    throw new DomainError("INVALID_TRANSITION", `The order is ${order.status.toLowerCase().replace("_", " ")}; its lines can only be shorted while it is being picked.`);
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
    await releaseUnits(tx, line.reservation, short.quantity, input.at);
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
 * Takes `units` out of a line's reservation. They were counted on hand but could not be
 * sold (missing, damaged), so they leave on-hand as well as allocated: what the
 * checkout offers stays the same instead of selling the same phantom units again.
 */
async function releaseUnits(tx: Tx, reservation: HeldReservation, units: number, at: Date) {
  if (!reservation || reservation.status !== "HELD") return;
  const remaining = reservation.quantity - units;
  await tx.reservation.update({
    where: { id: reservation.id },
    data: remaining > 0 ? { quantity: remaining } : { status: "RELEASED", releasedAt: at },
  });
  reservation.quantity = remaining;
  await tx.$executeRaw`
    UPDATE "InventoryLevel"
       SET "allocated" = GREATEST(0, "allocated" - ${units}), "onHand" = GREATEST(0, "onHand" - ${units}), "updatedAt" = now()
     WHERE "storeId" = ${reservation.storeId}::uuid AND "productId" = ${reservation.productId}::uuid`;
}
