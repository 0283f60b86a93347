import { beforeEach, describe, expect, it } from "vitest";
import { EVENT } from "@/lib/bus/event-names";
import { escalateLateOrders } from "@/lib/oms/late/escalate-late-orders";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { saveRetailerSettings } from "@/lib/oms/retailer-settings";
import { openLateOrders } from "@/lib/monitor/late/open-late-orders";
import { getDb } from "@/lib/platform/db/prisma";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";
import { acceptStoreOffer } from "@/lib/oms/reroute/answer-store-offer";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// Lateness is looked for across every open order, and the retailer's settings are one row.
ownDatabaseForThisFile("handoff_late_orders");
serveSystemsForThisFile();

const db = () => getDb();
const settings = (rerouteLateOrders: boolean, rerouteMode: "AUTO" | "ASK" = "AUTO") =>
  saveRetailerSettings(db(), { rerouteMode, rerouteOfferMinutes: 30, holdExtensionHours: 48, checkoutHoldMinutes: 15, rerouteLateOrders }, "test");
const minutes = (from: Date, count: number) => new Date(from.getTime() + count * 60_000);

let spot = 0;
/** A store on a spot of its own with a manager, and an order placed there now. */
async function orderAtStore(store: { prepMinutes?: number; slotIndex?: number } = {}) {
  const created = await createStore(db());
  const latitude = 31 + (spot++ % 40) * 0.5;
  const placedStore = await db().store.update({ where: { id: created.id }, data: { latitude, longitude: -97.7, name: `Store ${spot}`, prepMinutes: store.prepMinutes ?? 15, pickers: 1 } });
  await db().user.create({ data: { email: `manager-${placedStore.code.toLowerCase()}@example.com`, name: "Morgan Manager", phone: "+15125550177", passwordHash: "x", role: "STORE_MANAGER", stores: { create: { storeId: placedStore.id } } } });
  const product = await createProduct(db(), placedStore.id, { onHand: 10 });
  const placedAt = new Date();
  const slot = await firstSlot(db(), placedStore.id, placedAt, store.slotIndex ?? 0);
  const placed = await placeOrder(db(), orderInput({ storeId: placedStore.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }), placedAt);
  await drain();
  return { store: placedStore, product, placedAt, ...placed };
}

const raised = async (orderId: string) => (await db().lateOrder.findMany({ where: { orderId }, select: { kind: true }, orderBy: { detectedAt: "asc" } })).map((late) => late.kind);
const task = (orderId: string) => db().posOrderTask.findUniqueOrThrow({ where: { orderId } });
const messages = (orderId: string) => db().notificationMessage.findMany({ where: { orderId }, orderBy: { kind: "asc" }, select: { kind: true, channel: true, recipient: true, subject: true } });

/** Ledger, reservations and the WMS hold the order's unit once, at the store it is at, and nowhere else. */
async function expectHeldOnceAt(product: { id: string; sku: string }, stores: { id: string; code: string }[]) {
  for (const store of stores) {
    const level = await db().inventoryLevel.findUniqueOrThrow({ where: { storeId_productId: { storeId: store.id, productId: product.id } } });
    const reserved = await db().reservation.aggregate({ where: { storeId: store.id, productId: product.id, status: "HELD" }, _sum: { quantity: true } });
    const wms = await db().wmsAllocation.aggregate({ where: { storeCode: store.code, sku: product.sku, status: "HELD" }, _sum: { quantity: true } });
    expect({ store: store.code, reserved: reserved._sum.quantity ?? 0, wms: wms._sum.quantity ?? 0 }).toEqual({ store: store.code, reserved: level.allocated, wms: level.allocated });
  }
  const held = await db().inventoryLevel.aggregate({ where: { productId: product.id, storeId: { in: stores.map((store) => store.id) } }, _sum: { allocated: true } });
  expect(held._sum.allocated).toBe(1);
}

describe("a late order", () => {
  beforeEach(() => settings(false));

  it("not started in time: the tablet alerts, the store's manager is written to, the dashboard lists it, and the shopper is told once with a new ready-by", async () => {
    const { store, orderId, placedAt, accessToken } = await orderAtStore({ prepMinutes: 60 });
    await escalateLateOrders(db(), minutes(placedAt, 9));
    expect(await raised(orderId)).toEqual([]);
    expect(await escalateLateOrders(db(), minutes(placedAt, 11))).toBeGreaterThanOrEqual(1);
    expect(await raised(orderId)).toEqual(["NOT_STARTED"]);
    await drain();

    expect((await task(orderId)).lateAlert).toMatch(/^Not started: came in at \d{1,2}:\d{2} [AP]M( \w+)?, to be started within 10 min$/);
    const sent = await messages(orderId);
    const subject = `Late at ${store.name}: order H-${String((await task(orderId)).orderNumber).padStart(6, "0")}`;
    expect(sent.filter((message) => message.kind.startsWith("late_store:")).sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      expect.objectContaining({ channel: "email", recipient: `manager-${store.code.toLowerCase()}@example.com`, subject }),
      expect.objectContaining({ channel: "sms", recipient: "+15125550177", subject }),
    ]);
    expect(sent.filter((message) => message.kind === "delay").map((message) => message.channel).sort()).toEqual(["email", "sms"]);

    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.revisedReadyAt!.getTime()).toBeGreaterThan(minutes(placedAt, 11).getTime());
    expect((await getOrderViewByToken(db(), accessToken))!.delayedReadyAt).toBe(order.revisedReadyAt!.toISOString());
    expect((await openLateOrders(db())).filter((late) => late.orderNumber === order.number)).toEqual([expect.objectContaining({ storeCode: store.code, kind: "NOT_STARTED" })]);

    // Once: the next look raises nothing more for it.
    await escalateLateOrders(db(), minutes(placedAt, 12));
    expect(await raised(orderId)).toEqual(["NOT_STARTED"]);
    await drain();
    expect(await messages(orderId)).toHaveLength(sent.length);
  });

  it("not ready by its promise after a late start: raised again for the store, but the shopper hears of the delay only once", async () => {
    const { orderId, placedAt } = await orderAtStore({ prepMinutes: 60 });
    await escalateLateOrders(db(), minutes(placedAt, 11));
    await recordPosEvent(db(), { orderId, type: EVENT.orderPickingStarted, associate: "A-1", data: {} });
    await drain();
    const promised = (await db().order.findUniqueOrThrow({ where: { id: orderId } })).promisedReadyAt;
    await escalateLateOrders(db(), minutes(promised, 1));
    expect(await raised(orderId)).toEqual(["NOT_STARTED", "NOT_READY"]);
    await drain();

    expect((await task(orderId)).lateAlert).toMatch(/^Not ready by \d{1,2}:\d{2} [AP]M( \w+)? as promised$/);
    const sent = await messages(orderId);
    expect(sent.filter((message) => message.kind.startsWith("late_store:") && message.channel === "email")).toHaveLength(2);
    expect(sent.filter((message) => message.kind === "delay")).toHaveLength(2); // the email and the text, from the first alert only
  });

  it("is no longer listed once it is ready, and the tablet's alert goes with it", async () => {
    const { orderId, placedAt } = await orderAtStore();
    await escalateLateOrders(db(), minutes(placedAt, 11));
    await drain();
    await recordPosEvent(db(), { orderId, type: EVENT.orderPickingStarted, associate: "A-1", data: {} });
    await recordPosEvent(db(), { orderId, type: EVENT.orderReady, associate: "A-1", data: { stagingBin: "B1" } });
    await drain();
    expect((await openLateOrders(db())).map((late) => late.orderNumber)).not.toContain((await task(orderId)).orderNumber);
  });

  it("moves, when the retailer turned it on, to a store that can have it ready sooner, before the pickup window opens", async () => {
    await settings(true);
    const { store, product, orderId, placedAt } = await orderAtStore({ prepMinutes: 90, slotIndex: 1 });
    const nearby = await createStore(db());
    await db().store.update({ where: { id: nearby.id }, data: { latitude: store.latitude + 0.05, longitude: store.longitude, prepMinutes: 15 } });
    await db().inventoryLevel.create({ data: { storeId: nearby.id, productId: product.id, onHand: 5 } });

    await escalateLateOrders(db(), minutes(placedAt, 11));
    await drain();
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.storeId).toBe(nearby.id);
    expect(await db().orderReroute.findFirst({ where: { orderId }, select: { trigger: true, status: true } })).toEqual({ trigger: "LATE", status: "MOVED" });
    expect((await task(orderId)).storeCode).toBe(nearby.code);
    expect((await task(orderId)).lateAlert).toBeNull();
    expect((await openLateOrders(db())).map((late) => late.orderNumber)).not.toContain(order.number);
    await expectHeldOnceAt(product, [store, nearby]);

    // At its new store the clock starts when it arrived there: not late a minute later, late after the target.
    await settings(false);
    await escalateLateOrders(db(), minutes(placedAt, 12));
    expect(await db().lateOrder.count({ where: { orderId, storeId: nearby.id } })).toBe(0);
    await escalateLateOrders(db(), minutes(placedAt, 22));
    expect(await db().lateOrder.findMany({ where: { orderId }, select: { storeId: true, kind: true, rerouted: true }, orderBy: { detectedAt: "asc" } })).toEqual([
      { storeId: store.id, kind: "NOT_STARTED", rerouted: true },
      { storeId: nearby.id, kind: "NOT_STARTED", rerouted: false },
    ]);
  });

  it("says why it moved in the store's own start target, one minute and all", async () => {
    await settings(true);
    const { store, product, orderId, placedAt } = await orderAtStore({ prepMinutes: 90, slotIndex: 1 });
    await db().store.update({ where: { id: store.id }, data: { startTargetMinutes: 1 } });
    const nearby = await createStore(db());
    await db().store.update({ where: { id: nearby.id }, data: { latitude: store.latitude + 0.05, longitude: store.longitude, prepMinutes: 15 } });
    await db().inventoryLevel.create({ data: { storeId: nearby.id, productId: product.id, onHand: 5 } });
    await escalateLateOrders(db(), minutes(placedAt, 2));
    expect(await db().orderReroute.findFirst({ where: { orderId }, select: { status: true, reason: true } })).toEqual({ status: "MOVED", reason: "Not started within 1 minute" });
  });

  it("stays, alerted, when no store can have it ready sooner", async () => {
    await settings(true);
    const { store, orderId, placedAt } = await orderAtStore({ prepMinutes: 20, slotIndex: 1 });
    await escalateLateOrders(db(), minutes(placedAt, 11));
    expect(await raised(orderId)).toEqual(["NOT_STARTED"]);
    await drain();
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).storeId).toBe(store.id);
    expect((await task(orderId)).lateAlert).not.toBeNull();
  });

  it("is offered to the shopper, when the retailer asks first, at a store that can have it ready sooner; the store keeps it until the shopper accepts", async () => {
    await settings(true, "ASK");
    const { store, product, orderId, placedAt, accessToken } = await orderAtStore({ prepMinutes: 90, slotIndex: 1 });
    const nearby = await createStore(db());
    await db().store.update({ where: { id: nearby.id }, data: { latitude: store.latitude + 0.05, longitude: store.longitude, prepMinutes: 15, name: "Sooner Store" } });
    await db().inventoryLevel.create({ data: { storeId: nearby.id, productId: product.id, onHand: 5 } });

    await escalateLateOrders(db(), minutes(placedAt, 11));
    await drain();
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).storeId).toBe(store.id);
    expect(await db().orderReroute.findFirst({ where: { orderId }, select: { trigger: true, status: true, toStoreId: true } })).toEqual({ trigger: "LATE", status: "OFFERED", toStoreId: nearby.id });
    expect((await task(orderId)).lateAlert).not.toBeNull();
    const delay = await db().notificationMessage.findMany({ where: { orderId, kind: "delay" }, select: { body: true } });
    expect(delay.length).toBe(2);
    expect(delay.every((message) => message.body.includes("Or pick it up at Sooner Store by"))).toBe(true);
    expect((await getOrderViewByToken(db(), accessToken))!.reroute).toMatchObject({ kind: "offer", trigger: "LATE", keepsOrder: true });

    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "moved", storeName: "Sooner Store" });
    await drain();
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).storeId).toBe(nearby.id);
    expect((await task(orderId)).storeCode).toBe(nearby.code);
    // The new store's promise is the one shown: the old store's delay went with it.
    expect((await getOrderViewByToken(db(), accessToken))!).toMatchObject({ delayedReadyAt: null, reroute: { kind: "moved", trigger: "LATE" } });
    await expectHeldOnceAt(product, [store, nearby]);
  });
});
