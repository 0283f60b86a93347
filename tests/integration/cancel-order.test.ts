import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/lib/platform/db/prisma";
import { orderEventContext } from "@/lib/oms/orders/order-event-context";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { transitionOrder } from "@/lib/oms/orders/transition-order";
import { createProduct, createStore, firstSlot, orderInput, stockOf } from "../support/factories";

const db = () => getDb();
const now = new Date();

async function placedOrder(quantity = 2) {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand: 5 });
  const slot = await firstSlot(db(), store.id, now);
  const placed = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity }] }), now);
  return { store, product, placed };
}

/** Takes an order through picking and ready to picked up, announcing each as the OMS's own use cases do. */
async function pickUp(orderId: string) {
  await db().$transaction(async (tx) => transitionOrder(tx, { orderId, to: "PICKING", at: new Date(), payload: await orderEventContext(tx, orderId) }));
  await db().$transaction(async (tx) => transitionOrder(tx, { orderId, to: "READY", at: new Date(), payload: { ...(await orderEventContext(tx, orderId)), stagingBin: null } }));
  await db().$transaction(async (tx) => transitionOrder(tx, { orderId, to: "PICKED_UP", at: new Date(), payload: await pickedUpData(tx, orderId) }));
}

async function pickedUpData(tx: Tx, orderId: string) {
  const lines = await tx.orderLine.findMany({ where: { orderId }, select: { sku: true, name: true, quantity: true, unitPriceCents: true } });
  return { ...(await orderEventContext(tx, orderId)), associate: "Sam", verifiedBy: null, lines, capturedCents: 0 };
}

describe("canceling an order", () => {
  it("releases its reservations, gives back the slot, voids the authorization and announces it", async () => {
    const { store, product, placed } = await placedOrder(2);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(2);

    await cancelOrder(db(), { orderId: placed.orderId, reason: "Changed my mind", origin: "STOREFRONT" });

    const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: { include: { reservation: true } }, payment: true, slot: true } });
    expect(order.status).toBe("CANCELED");
    expect(order.canceledAt).not.toBeNull();
    expect(order.lines[0]!.reservation).toMatchObject({ status: "RELEASED" });
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    expect(order.slot.booked).toBe(0);
    expect(order.payment).toMatchObject({ status: "VOIDED" });
    expect(await db().testProviderCharge.count({ where: { idempotencyKey: `void:${order.payment!.providerRef}` } })).toBe(1);
    const events = await db().outboxEvent.findMany({ where: { orderId: order.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["order.created", "order.canceled"]);
    expect(events[1]!.payload).toMatchObject({ status: "CANCELED", reason: "Changed my mind", origin: "STOREFRONT" });
  });

  it("a second time is refused and changes nothing", async () => {
    const { store, product, placed } = await placedOrder(1);
    await cancelOrder(db(), { orderId: placed.orderId, reason: "first", origin: "STOREFRONT" });
    await expect(cancelOrder(db(), { orderId: placed.orderId, reason: "second", origin: "STOREFRONT" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    expect(await db().outboxEvent.count({ where: { orderId: placed.orderId, type: "order.canceled" } })).toBe(1);
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.orderId } })).cancelReason).toBe("first");
  });

  it("racing itself, succeeds exactly once", async () => {
    const { store, product, placed } = await placedOrder(3);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => cancelOrder(db(), { orderId: placed.orderId, reason: "race", origin: "STOREFRONT" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    expect(await db().outboxEvent.count({ where: { orderId: placed.orderId, type: "order.canceled" } })).toBe(1);
  });

  it("is refused once the order is picked up", async () => {
    const { placed } = await placedOrder(1);
    await pickUp(placed.orderId);
    await expect(cancelOrder(db(), { orderId: placed.orderId, reason: "late", origin: "STOREFRONT" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    const events = await db().outboxEvent.findMany({ where: { orderId: placed.orderId }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["order.created", "order.picking_started", "order.ready", "order.picked_up"]);
  });
});

describe("order transitions in the database", () => {
  it("refuse a forbidden step and write no event", async () => {
    const { placed } = await placedOrder(1);
    await expect(db().$transaction(async (tx) => transitionOrder(tx, { orderId: placed.orderId, to: "PICKED_UP", at: new Date(), payload: await pickedUpData(tx, placed.orderId) }))).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      details: { from: "PLACED", to: "PICKED_UP" },
    });
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PLACED");
    expect(await db().outboxEvent.count({ where: { orderId: placed.orderId } })).toBe(1);
  });

  it("report an unknown order as not found", async () => {
    await expect(
      db().$transaction((tx) => transitionOrder(tx, { orderId: "00000000-0000-4000-8000-000000000000", to: "PICKING", at: new Date(), payload: { orderNumber: 1, storeCode: "NONE" } })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
