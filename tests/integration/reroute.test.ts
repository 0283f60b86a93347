import { beforeEach, describe, expect, it } from "vitest";
import { EVENT } from "@/lib/bus/event-names";
import type { RerouteMode } from "@/lib/generated/prisma/enums";
import { compareOrders } from "@/lib/monitor/cascade/compare-orders";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { replayDeliveries } from "@/lib/bus/replay";
import { capacityLockKey } from "@/lib/oms/stores/store-capacity";
import { checkInventoryAccuracy } from "@/lib/monitor/inventory-accuracy/run-inventory-accuracy";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { acceptStoreOffer, expireStoreOffers } from "@/lib/oms/reroute/answer-store-offer";
import { moveOrderInTx } from "@/lib/oms/reroute/move-order";
import { shortRerouting } from "@/lib/oms/reroute/move-short-order";
import { shortOrderLinesInTx } from "@/lib/oms/orders/short-lines";
import { loadStore } from "@/lib/oms/stores/load-stores";
import { saveRetailerSettings } from "@/lib/oms/retailer-settings";
import { getDb } from "@/lib/platform/db/prisma";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { chainSteps, drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// The retailer's reroute setting is one row, and routing reads every store within reach:
// this file has a database of its own.
ownDatabaseForThisFile("handoff_reroute");
serveSystemsForThisFile();

const db = () => getDb();
const setMode = (rerouteMode: RerouteMode, rerouteOfferMinutes = 30) => saveRetailerSettings(db(), { rerouteMode, rerouteOfferMinutes, holdExtensionHours: 48, checkoutHoldMinutes: 15, rerouteLateOrders: false }, "test");

// Each test's stores sit on a spot of their own, far from the others', so routing sees only them.
let spot = 0;
async function storeAt(latitude: number, longitude: number, name: string) {
  const store = await createStore(db());
  return db().store.update({ where: { id: store.id }, data: { latitude, longitude, name } });
}

/** An order for 2 units at store A, with stores B (near) and C (a little further) stocked too (10 each unless said); the storefront's cache agrees. */
async function orderWithNeighbours(stock: { b?: number; c?: number } = {}) {
  const base = 30 + (spot++ % 40) * 0.5;
  const a = await storeAt(base, -97.7, "Riverside");
  const b = await storeAt(base + 0.05, -97.7, "Cedar Park");
  const c = await storeAt(base + 0.1, -97.7, "Round Rock");
  const product = await createProduct(db(), a.id, { onHand: 10 });
  await db().inventoryLevel.createMany({ data: [{ storeId: b.id, productId: product.id, onHand: stock.b ?? 10 }, { storeId: c.id, productId: product.id, onHand: stock.c ?? 10 }] });
  const onHand = [10, stock.b ?? 10, stock.c ?? 10];
  await db().storefrontAvailability.createMany({ data: [a, b, c].map((store, i) => ({ storeCode: store.code, sku: product.sku, available: onHand[i]! })) });
  const slot = await firstSlot(db(), a.id, new Date());
  const placed = await placeOrder(db(), orderInput({ storeId: a.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));
  await drain();
  return { a, b, c, product, orderId: placed.orderId, accessToken: placed.accessToken };
}

const reject = (orderId: string, reason = "Items not in stock") => recordPosEvent(db(), { orderId, type: EVENT.orderRejected, associate: "A-1", data: { reason } });

const level = (storeId: string, productId: string) => db().inventoryLevel.findUniqueOrThrow({ where: { storeId_productId: { storeId, productId } }, select: { onHand: true, allocated: true } });
const available = async (storeCode: string, sku: string) => (await db().storefrontAvailability.findUniqueOrThrow({ where: { storeCode_sku: { storeCode, sku } } })).available;

/** Ledger, WMS and storefront agree for every store, and the accuracy check says so. */
async function expectStockAgreesEverywhere(product: { id: string; sku: string }, stores: { id: string; code: string }[]) {
  for (const store of stores) {
    const ledger = await level(store.id, product.id);
    const held = await db().wmsAllocation.aggregate({ where: { storeCode: store.code, sku: product.sku, status: "HELD" }, _sum: { quantity: true } });
    const reserved = await db().reservation.aggregate({ where: { storeId: store.id, productId: product.id, status: "HELD" }, _sum: { quantity: true } });
    expect({ store: store.code, allocated: ledger.allocated, wmsHeld: held._sum.quantity ?? 0, reserved: reserved._sum.quantity ?? 0 }).toEqual({
      store: store.code,
      allocated: ledger.allocated,
      wmsHeld: ledger.allocated,
      reserved: ledger.allocated,
    });
    expect(await available(store.code, product.sku)).toBe(ledger.onHand - ledger.allocated);
  }
  const accuracy = await checkInventoryAccuracy(db(), { trigger: "manual", graceSeconds: 0 });
  expect(await db().inventoryAccuracyMismatch.findMany({ where: { runId: accuracy.runId }, select: { storeCode: true, sku: true, kinds: true, allocated: true, reservedUnits: true, wmsHeldUnits: true, storefrontAvailable: true, availableToPromise: true } })).toEqual([]);
}

describe("a store that cannot fill an order", () => {
  beforeEach(() => setMode("AUTO"));

  it("moves it to the next store by the routing score, with its stock, window and pick task, and every system follows", async () => {
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    await reject(orderId);
    await drain();

    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { slot: true, lines: { include: { reservation: true } } } });
    expect(order).toMatchObject({ status: "PLACED", storeId: b.id, rerouteCount: 1 });
    expect(order.slot.storeId).toBe(b.id);
    expect(order.lines[0]!.reservation).toMatchObject({ storeId: b.id, quantity: 2, status: "HELD" });
    expect(await level(a.id, product.id)).toEqual({ onHand: 10, allocated: 0 });
    expect(await level(b.id, product.id)).toEqual({ onHand: 10, allocated: 2 });
    // The old store's queue dropped it; the new store's received it, saying where it came from.
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ storeCode: b.code, status: "new", reroutedFrom: "Riverside" });
    expect(await db().wmsAllocation.findMany({ where: { orderId }, select: { storeCode: true, status: true, quantity: true } })).toEqual([{ storeCode: b.code, status: "HELD", quantity: 2 }]);
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "placed" });
    expect(await db().notificationMessage.count({ where: { orderId, kind: { startsWith: "rerouted:" } } })).toBe(1);
    expect(await db().orderReroute.findMany({ where: { orderId }, select: { status: true, fromStoreId: true, toStoreId: true, reason: true } })).toEqual([
      { status: "MOVED", fromStoreId: a.id, toStoreId: b.id, reason: "Items not in stock" },
    ]);
    // The reroute chain: the rejection, its crossing, the move and every system after it; no offer.
    const steps = await chainSteps(orderId, "REROUTE");
    expect(steps.map((step) => [step.stepNumber, step.status])).toEqual([
      [1, "DELIVERED"],
      [2, "DELIVERED"],
      [5, "DELIVERED"],
      [6, "DELIVERED"],
      [7, "DELIVERED"],
      [8, "DELIVERED"],
      [9, "DELIVERED"],
      [10, "DELIVERED"],
    ]);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("never sends it back to a store that could not fill it, and cancels with a ship-to-home offer when none is left", async () => {
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    await reject(orderId, "Items damaged"); // Cedar Park cannot either
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ storeId: c.id, rerouteCount: 2 });
    await reject(orderId, "Store too busy"); // nor Round Rock: no store left
    await drain();

    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("CANCELED");
    expect(order.cancelReason).toBe("Round Rock could not fill it: Store too busy, and no other store nearby can");
    const canceled = await db().outboxEvent.findFirstOrThrow({ where: { orderId, type: EVENT.orderCanceled } });
    expect(canceled.payload).toMatchObject({ offer: "ship_to_home" });
    expect(await db().notificationMessage.findFirstOrThrow({ where: { orderId, kind: "order_canceled" } })).toMatchObject({ subject: expect.stringContaining("ship it to you instead?") });
    expect((await db().orderReroute.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } })).map((reroute) => reroute.status)).toEqual(["MOVED", "MOVED", "CANCELED"]);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("leaves everything as it was when the chosen store ran out before the move, so the next can be tried", async () => {
    // Cedar Park was chosen with 10 on hand; by the time the move takes stock, one is left.
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    const store = (await loadStore(db(), b.id))!;
    const slot = await firstSlot(db(), b.id, new Date());
    await db().inventoryLevel.update({ where: { storeId_productId: { storeId: b.id, productId: product.id } }, data: { onHand: 1 } });
    await db().storefrontAvailability.update({ where: { storeCode_sku: { storeCode: b.code, sku: product.sku } }, data: { available: 1 } });
    const outcome = await db().$transaction((tx) =>
      moveOrderInTx(tx, { orderId, target: { store, readyBy: slot.startsAt, slot, reason: "test" }, reason: "Items not in stock", trigger: "REJECTED", at: new Date() }),
    );
    expect(outcome).toEqual({ moved: false, why: "Cedar Park no longer has every item" });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PLACED", storeId: a.id, rerouteCount: 0 });
    expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: 0 });
    expect(await db().orderReroute.count({ where: { orderId } })).toBe(0);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("sends two orders rejected at once to different stores when the nearest has stock for one", async () => {
    const first = await orderWithNeighbours({ b: 2 });
    const { a, b, c, product } = first;
    const slot = await firstSlot(db(), a.id, new Date());
    const second = await placeOrder(db(), orderInput({ storeId: a.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));
    await drain();
    await Promise.all([reject(first.orderId), reject(second.orderId)]);
    await drain();
    const stores = (await db().order.findMany({ where: { id: { in: [first.orderId, second.orderId] } }, select: { storeId: true } })).map((order) => order.storeId).sort();
    expect(stores).toEqual([b.id, c.id].sort());
    expect(await level(b.id, product.id)).toEqual({ onHand: 2, allocated: 2 });
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("lets a rejection and the shopper's cancel race: one wins, and the stock ends where it should", async () => {
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    await reject(orderId);
    await Promise.all([drain(), cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" }).catch(() => null)]);
    await drain();
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    const held = (await level(a.id, product.id)).allocated + (await level(b.id, product.id)).allocated + (await level(c.id, product.id)).allocated;
    expect(held).toBe(order.status === "CANCELED" ? 0 : 2);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("is found out by reconciliation when a system did not follow the move, with the reroute node that broke", async () => {
    const { a, b, orderId } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, number: true, status: true } });
    expect(await compareOrders(db(), [order])).toEqual([]);
    // The old store's queue still has it and the WMS still holds it there: the move never reached them.
    await db().posOrderTask.update({ where: { orderId }, data: { storeCode: a.code, status: "rejected" } });
    await db().wmsAllocation.updateMany({ where: { orderId }, data: { storeCode: a.code } });
    const [found] = await compareOrders(db(), [order]);
    expect(found!.mismatches.map((mismatch) => [mismatch.system, mismatch.node.id])).toEqual([
      ["POS", "reroute-2"],
      ["WMS", "reroute-3"],
    ]);
    // As the move left them, for the tests after this one.
    await db().posOrderTask.update({ where: { orderId }, data: { storeCode: b.code, status: "new" } });
    await db().wmsAllocation.updateMany({ where: { orderId }, data: { storeCode: b.code } });
  });

  it("is named by the cascade at the reroute node that broke (the WMS never heard of the move: R3), and a replay heals it", async () => {
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    const fault = await db().faultRule.create({ data: { source: "OMS", target: "WMS", eventType: EVENT.orderRerouted, kind: "DROP", storeCode: b.code, note: "reproduce R3" } });
    await reject(orderId);
    await drain();
    const { number } = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
    const steps = await chainSteps(orderId, "REROUTE");
    expect(steps.find((step) => step.description.startsWith("WMS moved the held units"))?.status).toBe("DEAD_LETTERED");
    expect((await loadOrderCascade(db(), number))?.failure).toMatchObject({ node: { id: "reroute-3" }, chain: "REROUTE" });
    // Until then the WMS still holds the units at the old store.
    expect(await db().wmsAllocation.findFirstOrThrow({ where: { orderId } })).toMatchObject({ storeCode: a.code, status: "HELD" });

    await db().faultRule.delete({ where: { id: fault.id } });
    await replayDeliveries(db(), { orderId });
    await db().delivery.updateMany({ where: { orderId, status: "PENDING" }, data: { nextAttemptAt: new Date() } });
    await drain();
    expect((await loadOrderCascade(db(), number))?.failure).toBeNull();
    expect(await db().wmsAllocation.findFirstOrThrow({ where: { orderId } })).toMatchObject({ storeCode: b.code, status: "HELD" });
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("passes over a capped store busy placing a checkout rather than wait for its turn, so a move never deadlocks with a checkout", async () => {
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    await db().store.update({ where: { id: b.id }, data: { concurrentOrderCap: 50 } });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const turnTaken = new Promise<void>((resolve) => (taken = resolve));
    // A checkout at B has its turn (the capped store's lock) while the rejected order looks for a store.
    const checkout = db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${capacityLockKey(b.id)}, 0))`;
        taken();
        await released;
      },
      { timeout: 30_000 },
    );
    await turnTaken;
    await reject(orderId);
    await drain();
    release();
    await checkout;
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).storeId).toBe(c.id);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("cancels as before when the retailer chose not to reroute", async () => {
    await setMode("CANCEL");
    const { a, orderId, product } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "CANCELED", storeId: a.id, cancelReason: "Riverside could not fill it: Items not in stock" });
    expect(await level(a.id, product.id)).toEqual({ onHand: 10, allocated: 0 });
    await expectStockAgreesEverywhere(product, [a]);
  });

  it("stops after the third move: the fourth store to reject it cancels it with a ship-to-home offer, though a fifth has stock", async () => {
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    const further = [];
    for (const [offset, name] of [[0.15, "Georgetown"], [0.2, "Pflugerville"]] as const) {
      const store = await storeAt(a.latitude + offset, -97.7, name);
      await db().inventoryLevel.create({ data: { storeId: store.id, productId: product.id, onHand: 10 } });
      await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: 10 } });
      further.push(store);
    }
    for (const [moves, at] of [[1, b], [2, c], [3, further[0]!]] as const) {
      await reject(orderId);
      await drain();
      expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ storeId: at.id, rerouteCount: moves, status: "PLACED" });
    }
    await reject(orderId);
    await drain();
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "CANCELED", storeId: further[0]!.id, rerouteCount: 3 });
    expect((await db().outboxEvent.findFirstOrThrow({ where: { orderId, type: EVENT.orderCanceled } })).payload).toMatchObject({ offer: "ship_to_home" });
    expect(await level(further[1]!.id, product.id)).toEqual({ onHand: 10, allocated: 0 });
    await expectStockAgreesEverywhere(product, [a, b, c, ...further]);
  });
});

describe("asking the shopper first", () => {
  beforeEach(() => setMode("ASK", 30));

  it("offers the next store; accepting moves the order there, and the old store's units come back", async () => {
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours();
    await reject(orderId);
    await drain();

    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "AWAITING_SHOPPER", storeId: a.id });
    // Still held where it was until the shopper answers.
    expect(await level(a.id, product.id)).toEqual({ onHand: 10, allocated: 2 });
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "store_offered" });
    const offerMessage = await db().notificationMessage.findFirstOrThrow({ where: { orderId, kind: { startsWith: "store_offered:" }, channel: "email" } });
    expect(offerMessage.subject).toMatch(/pick up at Cedar Park by .+ instead\?$/);
    expect((await chainSteps(orderId, "REROUTE")).map((step) => [step.stepNumber, step.status])).toEqual([
      [1, "DELIVERED"],
      [2, "DELIVERED"],
      [3, "DELIVERED"],
      [4, "DELIVERED"],
    ]);

    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "moved", storeName: "Cedar Park" });
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PLACED", storeId: b.id, rerouteCount: 1 });
    expect(await db().orderReroute.findMany({ where: { orderId }, select: { status: true, toStoreId: true } })).toEqual([{ status: "MOVED", toStoreId: b.id }]);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("offers the next store instead when the offered one ran out before the shopper accepted", async () => {
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    // Cedar Park's stock falls to one meanwhile (a count), and the storefront follows.
    await db().inventoryLevel.update({ where: { storeId_productId: { storeId: b.id, productId: product.id } }, data: { onHand: 1 } });
    await db().storefrontAvailability.update({ where: { storeCode_sku: { storeCode: b.code, sku: product.sku } }, data: { available: 1 } });

    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "offered", storeName: "Round Rock", ranOut: "Cedar Park", why: "Cedar Park no longer has every item" });
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "AWAITING_SHOPPER", storeId: a.id });
    expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: 0 });
    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "moved", storeName: "Round Rock" });
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PLACED", storeId: c.id });
    expect((await db().orderReroute.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } })).map((reroute) => reroute.status)).toEqual(["EXPIRED", "MOVED"]);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("does not move it to the offered store once that store stopped taking pickup orders: the next store is offered", async () => {
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    expect((await db().orderReroute.findFirstOrThrow({ where: { orderId, status: "OFFERED" } })).toStoreId).toBe(b.id);
    await db().store.update({ where: { id: b.id }, data: { pausedAt: new Date(), pauseReason: "Staff shortage" } });
    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "offered", storeName: c.name, ranOut: b.name, why: `${b.name} is not taking pickup orders right now` });
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ storeId: a.id, status: "AWAITING_SHOPPER" });
    expect(await level(b.id, product.id)).toEqual({ onHand: 10, allocated: 0 });
    await expectStockAgreesEverywhere(product, [a, b, c]);

    // Nor does a full store take one: C reached its cap of orders in hand meanwhile.
    await db().store.update({ where: { id: c.id }, data: { concurrentOrderCap: 0 } });
    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "canceled" });
    await drain();
    expect(await level(c.id, product.id)).toEqual({ onHand: 10, allocated: 0 });
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("cancels the order when the shopper does not answer by the deadline, and the units go back", async () => {
    const { a, product, orderId, accessToken } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    expect(await expireStoreOffers(db(), new Date(Date.now() + 31 * 60_000))).toBe(1);
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "CANCELED", cancelReason: "No answer in time to the offer of another store" });
    expect(await level(a.id, product.id)).toEqual({ onHand: 10, allocated: 0 });
    await expect(acceptStoreOffer(db(), accessToken)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expectStockAgreesEverywhere(product, [a]);
  });

  it("lets a shopper's cancel and an accept race: they apply one after the other, and nothing is held twice", async () => {
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours();
    await reject(orderId);
    await drain();
    const [accepted, canceled] = await Promise.allSettled([acceptStoreOffer(db(), accessToken), cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" })]);
    await drain();
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    // The cancel always applies (to the moved order, if the accept went first); an accept after it is refused.
    expect(canceled.status).toBe("fulfilled");
    expect(order.status).toBe("CANCELED");
    expect(accepted.status === "fulfilled" ? order.rerouteCount : 0).toBe(accepted.status === "fulfilled" ? 1 : 0);
    const held = (await level(a.id, product.id)).allocated + (await level(b.id, product.id)).allocated + (await level(c.id, product.id)).allocated;
    expect(held).toBe(order.status === "PLACED" ? 2 : 0);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });
});

describe("lines that ran short while the store picked", () => {
  const shortOf = async (orderId: string, sku: string, reason = "Not found", quantity = 1) => {
    await recordPosEvent(db(), { orderId, type: EVENT.orderPickingStarted, associate: "A-1", data: {} });
    await recordPosEvent(db(), { orderId, type: EVENT.orderLinesShorted, associate: "A-1", data: { lines: [{ sku, quantity, reason }] } });
    await drain();
  };

  it("move the whole order, when the retailer reroutes automatically, to a store that has all of it; the short's reason still acts where it ran short", async () => {
    await setMode("AUTO");
    const { a, b, c, product, orderId } = await orderWithNeighbours();
    await shortOf(orderId, product.sku);

    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: { include: { reservation: true } } } });
    expect(order).toMatchObject({ storeId: b.id, status: "PLACED", totalCents: 2000, rerouteCount: 1 });
    expect(order.lines[0]).toMatchObject({ quantity: 2, shortQuantity: 0, reservation: { storeId: b.id, quantity: 2, status: "HELD" } });
    expect(await db().orderReroute.findFirst({ where: { orderId }, select: { trigger: true, status: true, reason: true } })).toEqual({ trigger: "SHORT", status: "MOVED", reason: `1 × ${product.name} not found` });
    // Not found at A: on-hand drops to what the order still held there (the unit that was found
    // goes back on the shelf as the order leaves); B holds the whole order.
    expect(await level(a.id, product.id)).toEqual({ onHand: 1, allocated: 0 });
    expect(await level(b.id, product.id)).toEqual({ onHand: 10, allocated: 2 });
    expect(await db().shortPick.count({ where: { orderId, reason: "Not found" } })).toBe(1);
    const task = await db().posOrderTask.findUniqueOrThrow({ where: { orderId }, include: { lines: true } });
    expect(task).toMatchObject({ storeCode: b.code, status: "new", reroutedFrom: a.name });
    expect(task.lines[0]).toMatchObject({ quantity: 2, pickedQuantity: 0, shortQuantity: 0 });
    const subjects = (await db().notificationMessage.findMany({ where: { orderId }, select: { subject: true } })).map((message) => message.subject);
    expect(subjects.some((subject) => subject.includes(`moved to ${b.name}`))).toBe(true);
    expect(subjects.some((subject) => subject.includes("not available"))).toBe(false);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("go on alone, when no store has the whole order, to the next store that has them: an order of their own, paid from the first one's authorization", async () => {
    await setMode("AUTO");
    // B has one unit, C none: the order of two cannot move whole, but its missing unit can.
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours({ b: 1, c: 0 });
    await shortOf(orderId, product.sku, "Not found");

    const first = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true, payment: true } });
    expect(first).toMatchObject({ storeId: a.id, status: "PICKING", totalCents: 1000 });
    expect(first.lines[0]).toMatchObject({ quantity: 2, shortQuantity: 1 });
    const second = await db().order.findFirstOrThrow({ where: { splitFromId: orderId }, include: { lines: { include: { reservation: true } }, payment: true } });
    expect(second).toMatchObject({ storeId: b.id, status: "PLACED", totalCents: 1000, rerouteCount: 1, customerEmail: first.customerEmail, pickupMethod: first.pickupMethod });
    expect(second.lines).toHaveLength(1);
    expect(second.lines[0]).toMatchObject({ sku: product.sku, quantity: 1, reservation: { storeId: b.id, quantity: 1, status: "HELD" } });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.pickupCodeHash).not.toBe(first.pickupCodeHash);
    // The authorization of 2,000 is split: 1,000 stays with the first order, 1,000 goes with the second.
    expect(first.payment).toMatchObject({ amountCents: 1000, status: "AUTHORIZED" });
    expect(second.payment).toMatchObject({ amountCents: 1000, status: "AUTHORIZED", cardLast4: first.payment!.cardLast4 });
    expect(second.payment!.providerRef).not.toBe(first.payment!.providerRef);
    expect(await db().orderReroute.findFirst({ where: { orderId }, select: { trigger: true, status: true, toStoreId: true } })).toEqual({ trigger: "SHORT", status: "SPLIT", toStoreId: b.id });

    // Every system heard of the second order as of any order: B's tablet, the WMS, the storefront, the shopper.
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId: second.id } })).toMatchObject({ storeCode: b.code, status: "new", reroutedFrom: a.name, splitFromNumber: first.number, itemCount: 1 });
    expect((await chainSteps(second.id, "PLACEMENT")).map((step) => step.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"]);
    const told = await db().notificationMessage.findMany({ where: { orderId, kind: { startsWith: "lines_shorted:" } }, select: { channel: true, body: true } });
    expect(told.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    expect(told.every((message) => message.body.includes(`they are now order H-${second.number}`))).toBe(true);
    const confirmed = await db().notificationMessage.findMany({ where: { orderId: second.id, kind: "order_confirmed" }, select: { channel: true, subject: true } });
    expect(confirmed.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    expect(confirmed.find((message) => message.channel === "email")!.subject).toBe(`Order H-${second.number}: the rest of order H-${first.number}, at ${b.name}`);
    const firstView = (await getOrderViewByToken(db(), accessToken))!;
    expect(firstView.splitOrders).toEqual([expect.objectContaining({ number: `H-${second.number}`, href: `/orders/${second.accessToken}`, storeName: b.name })]);
    expect(firstView.lines[0]).toMatchObject({ shortQuantity: 1, splitQuantity: 1, shortElsewhere: `H-${second.number}` });
    expect((await getOrderViewByToken(db(), second.accessToken))!.splitFrom).toEqual({ number: `H-${first.number}`, storeName: a.name });
    // The cascade dashboard links the two, each way; the second order was routed by no checkout.
    expect(await loadOrderCascade(db(), second.number)).toMatchObject({ routing: null, split: { from: first.number, into: [] } });
    expect(await loadOrderCascade(db(), first.number)).toMatchObject({ split: { from: null, into: [second.number] } });
    // Not found at A: its shelf shows none left to promise; B holds the unit for the second order.
    expect(await level(a.id, product.id)).toEqual({ onHand: 1, allocated: 1 });
    expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: 1 });
    await expectStockAgreesEverywhere(product, [a, b, c]);

    // Each is collected and charged on its own, and together they charge no more than was authorized.
    for (const id of [orderId, second.id]) {
      await recordPosEvent(db(), { orderId: id, type: EVENT.orderPickingStarted, associate: "A-1", data: {} }).catch(() => undefined);
      await recordPosEvent(db(), { orderId: id, type: EVENT.orderReady, associate: "A-1", data: { stagingBin: "B1" } });
      await drain();
      await recordPosEvent(db(), { orderId: id, type: EVENT.pickupCompleted, associate: "A-1", data: { verifiedBy: "pickup_code" } });
      await drain();
    }
    const payments = await db().paymentAuthorization.findMany({ where: { orderId: { in: [orderId, second.id] } } });
    expect(payments.map((payment) => [payment.status, payment.capturedCents])).toEqual([["CAPTURED", 1000], ["CAPTURED", 1000]]);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("split off or not as they race the shopper's cancel: the units are held once, wherever they end", async () => {
    await setMode("AUTO");
    for (let round = 0; round < 3; round++) {
      const { a, b, c, product, orderId } = await orderWithNeighbours({ b: 1, c: 0 });
      await recordPosEvent(db(), { orderId, type: EVENT.orderPickingStarted, associate: "A-1", data: {} });
      await drain();
      const at = new Date();
      await Promise.allSettled([
        db().$transaction((tx) => shortOrderLinesInTx(tx, { orderId, at, lines: [{ sku: product.sku, quantity: 1, reason: "Damaged" }] }, shortRerouting(tx, db(), { orderId, at }))),
        cancelOrder(db(), { orderId, reason: "Canceled by the customer", origin: "STOREFRONT" }),
      ]);
      await drain();
      const second = await db().order.findFirst({ where: { splitFromId: orderId } });
      // Whichever went first, B holds the unit only for a second order that exists.
      expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: second ? 1 : 0 });
      expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("CANCELED");
      await expectStockAgreesEverywhere(product, [a, b, c]);
    }
  });

  it("stay with the order they went to when the first order later moves whole: nothing is held or collected twice", async () => {
    await setMode("AUTO");
    const { a, b, c, product, orderId } = await orderWithNeighbours({ b: 1, c: 0 });
    await shortOf(orderId, product.sku, "Damaged");
    const second = await db().order.findFirstOrThrow({ where: { splitFromId: orderId } });
    // C gets stock, and A rejects the rest: the first order moves whole, with its one unit only.
    await db().inventoryLevel.update({ where: { storeId_productId: { storeId: c.id, productId: product.id } }, data: { onHand: 10 } });
    await db().storefrontAvailability.update({ where: { storeCode_sku: { storeCode: c.code, sku: product.sku } }, data: { available: 10 } });
    await reject(orderId);
    await drain();
    const first = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: { include: { reservation: true } }, payment: true } });
    expect(first).toMatchObject({ storeId: c.id, status: "PLACED", totalCents: 1000 });
    expect(first.lines[0]).toMatchObject({ quantity: 2, shortQuantity: 1, splitQuantity: 1, reservation: { storeId: c.id, quantity: 1, status: "HELD" } });
    expect(await db().posOrderLine.findMany({ where: { orderId }, select: { quantity: true } })).toEqual([{ quantity: 1 }]);
    expect(await level(c.id, product.id)).toEqual({ onHand: 10, allocated: 1 });
    expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: 1 });
    expect((await db().order.findUniqueOrThrow({ where: { id: second.id } })).storeId).toBe(b.id);
    await expectStockAgreesEverywhere(product, [a, b, c]);
    // Collected: 1,000 here and 1,000 for the second order, the 2,000 authorized.
    await recordPosEvent(db(), { orderId, type: EVENT.orderReady, associate: "A-1", data: { stagingBin: "B1" } });
    await drain();
    await recordPosEvent(db(), { orderId, type: EVENT.pickupCompleted, associate: "A-1", data: { verifiedBy: "pickup_code" } });
    await drain();
    expect((await db().paymentAuthorization.findUniqueOrThrow({ where: { orderId } })).capturedCents).toBe(1000);
  });

  it("never go back to the store that could not fill them when they run short again at the next", async () => {
    await setMode("AUTO");
    const { a, b, c, product, orderId } = await orderWithNeighbours({ b: 1, c: 0 });
    // Damaged at A: A still has 8 to promise, so routing alone would send the unit back there.
    await shortOf(orderId, product.sku, "Damaged");
    const second = await db().order.findFirstOrThrow({ where: { splitFromId: orderId } });
    // The second order's unit runs short at B too: A could not fill it before, C has none, so it is canceled.
    await shortOf(second.id, product.sku, "Damaged");
    expect(await db().order.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ storeId: b.id, status: "CANCELED" });
    expect(await db().order.count({ where: { splitFromId: second.id } })).toBe(0);
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("leave the order smaller where it is when no other store has all of it, or the retailer does not reroute automatically", async () => {
    await setMode("AUTO");
    const none = await orderWithNeighbours({ b: 0, c: 0 });
    await shortOf(none.orderId, none.product.sku, "Damaged");
    expect(await db().order.findUniqueOrThrow({ where: { id: none.orderId } })).toMatchObject({ storeId: none.a.id, status: "PICKING", totalCents: 1000 });
    await expectStockAgreesEverywhere(none.product, [none.a, none.b, none.c]);

    await setMode("CANCEL");
    const kept = await orderWithNeighbours();
    await shortOf(kept.orderId, kept.product.sku, "Damaged");
    expect(await db().order.findUniqueOrThrow({ where: { id: kept.orderId } })).toMatchObject({ storeId: kept.a.id, status: "PICKING", totalCents: 1000 });
    expect(await db().orderReroute.count({ where: { orderId: kept.orderId } })).toBe(0);
    await expectStockAgreesEverywhere(kept.product, [kept.a, kept.b, kept.c]);
  });

  it("offer the shopper, when the retailer asks first, the whole order at a store that has it; the store carries on meanwhile, and accepting moves it", async () => {
    await setMode("ASK");
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours();
    await shortOf(orderId, product.sku, "Damaged");

    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ storeId: a.id, status: "PICKING", totalCents: 1000 });
    expect(await db().orderReroute.findFirst({ where: { orderId }, select: { trigger: true, status: true, toStoreId: true } })).toEqual({ trigger: "SHORT", status: "OFFERED", toStoreId: b.id });
    const sent = await db().notificationMessage.findMany({ where: { orderId, kind: { startsWith: "lines_shorted:" } }, select: { channel: true, body: true } });
    expect(sent.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    expect(sent.every((message) => message.body.includes(`pick up everything at ${b.name}`) || message.body.includes(`Or pick up everything at ${b.name}`))).toBe(true);
    const view = (await getOrderViewByToken(db(), accessToken))!;
    expect(view.reroute).toMatchObject({ kind: "offer", trigger: "SHORT", toStore: { name: b.name } });
    await expectStockAgreesEverywhere(product, [a, b, c]);

    expect(await acceptStoreOffer(db(), accessToken)).toEqual({ outcome: "moved", storeName: b.name });
    await drain();
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order).toMatchObject({ storeId: b.id, status: "PLACED", totalCents: 2000 });
    expect(order.lines[0]).toMatchObject({ quantity: 2, shortQuantity: 0 });
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("offer the shopper, when the retailer asks first and no store has the whole order, the missing units alone; accepting places them there as an order of their own", async () => {
    await setMode("ASK");
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours({ b: 1, c: 0 });
    await shortOf(orderId, product.sku, "Damaged");

    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ storeId: a.id, status: "PICKING", totalCents: 1000 });
    const offered = await db().orderReroute.findFirstOrThrow({ where: { orderId } });
    expect(offered).toMatchObject({ trigger: "SHORT", status: "OFFERED", toStoreId: b.id, units: [{ productId: product.id, sku: product.sku, quantity: 1 }] });
    const sent = await db().notificationMessage.findMany({ where: { orderId, kind: { startsWith: "lines_shorted:" } }, select: { channel: true, body: true } });
    expect(sent.map((message) => message.channel).sort()).toEqual(["email", "sms"]);
    expect(sent.every((message) => message.body.includes(`${b.name} has 1 × ${product.name}`))).toBe(true);
    expect((await getOrderViewByToken(db(), accessToken))!.reroute).toMatchObject({ kind: "offer", toStore: { name: b.name }, units: [{ sku: product.sku, name: product.name, quantity: 1 }] });
    // Nothing is taken at B until the shopper accepts.
    expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: 0 });
    await expectStockAgreesEverywhere(product, [a, b, c]);

    // The rest is ready meanwhile: the missing unit may still go on.
    await recordPosEvent(db(), { orderId, type: EVENT.orderReady, associate: "A-1", data: { stagingBin: "B1" } });
    await drain();
    const second = await acceptStoreOffer(db(), accessToken);
    expect(second).toMatchObject({ outcome: "split", storeName: b.name });
    await drain();
    const split = await db().order.findFirstOrThrow({ where: { splitFromId: orderId }, include: { lines: true } });
    expect(split).toMatchObject({ storeId: b.id, status: "PLACED", totalCents: 1000, number: second.outcome === "split" ? second.orderNumber : -1 });
    expect(split.lines.map((line) => [line.sku, line.quantity])).toEqual([[product.sku, 1]]);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ storeId: a.id, status: "READY", totalCents: 1000 });
    expect(await db().orderReroute.findMany({ where: { orderId }, select: { status: true } })).toEqual([{ status: "SPLIT" }]);
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId: split.id } })).toMatchObject({ storeCode: b.code, status: "new" });
    await expectStockAgreesEverywhere(product, [a, b, c]);
    await expect(acceptStoreOffer(db(), accessToken)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("offer, after a second short, every unit still missing: the earlier short's units are not dropped from the offer", async () => {
    await setMode("ASK");
    const base = 30 + (spot++ % 40) * 0.5;
    const a = await storeAt(base, -97.7, "Riverside");
    const b = await storeAt(base + 0.05, -97.7, "Cedar Park");
    // The lamp is stocked at Riverside only, so the order can move nowhere whole.
    const [lamp, mouse, kettle] = [await createProduct(db(), a.id, { onHand: 5 }), await createProduct(db(), a.id, { onHand: 5 }), await createProduct(db(), a.id, { onHand: 5 })];
    await db().inventoryLevel.createMany({ data: [mouse, kettle].map((product) => ({ storeId: b.id, productId: product.id, onHand: 5 })) });
    await db().storefrontAvailability.createMany({ data: [...[lamp, mouse, kettle].map((product) => ({ storeCode: a.code, sku: product.sku, available: 5 })), ...[mouse, kettle].map((product) => ({ storeCode: b.code, sku: product.sku, available: 5 }))] });
    const slot = await firstSlot(db(), a.id, new Date());
    const placed = await placeOrder(db(), orderInput({ storeId: a.id, slotStartsAt: slot.startsAt, lines: [lamp, mouse, kettle].map((product) => ({ productId: product.id, quantity: 1 })) }));
    await drain();
    await shortOf(placed.orderId, mouse.sku, "Damaged");
    await recordPosEvent(db(), { orderId: placed.orderId, type: EVENT.orderLinesShorted, associate: "A-1", data: { lines: [{ sku: kettle.sku, quantity: 1, reason: "Not found" }] } });
    await drain();

    const offers = await db().orderReroute.findMany({ where: { orderId: placed.orderId }, orderBy: { createdAt: "asc" }, select: { status: true, units: true } });
    expect(offers.map((offer) => offer.status)).toEqual(["EXPIRED", "OFFERED"]);
    expect((offers[1]!.units as { sku: string; quantity: number }[]).map((unit) => [unit.sku, unit.quantity]).sort()).toEqual([[mouse.sku, 1], [kettle.sku, 1]].sort());
    expect(await acceptStoreOffer(db(), placed.accessToken)).toMatchObject({ outcome: "split", storeName: b.name });
    await drain();
    const second = await db().order.findFirstOrThrow({ where: { splitFromId: placed.orderId }, include: { lines: true } });
    expect(second.lines.map((line) => line.sku).sort()).toEqual([mouse.sku, kettle.sku].sort());
    for (const product of [lamp, mouse, kettle]) await expectStockAgreesEverywhere(product, [a, b].filter((store) => store.id === a.id || product.id !== lamp.id));
  });

  it("refuse, with why, an offer of units the OMS cannot read, rather than fail", async () => {
    await setMode("ASK");
    const { orderId, accessToken, product } = await orderWithNeighbours({ b: 1, c: 0 });
    await shortOf(orderId, product.sku, "Damaged");
    await db().orderReroute.updateMany({ where: { orderId, status: "OFFERED" }, data: { units: [{ sku: product.sku, quantity: "one" }] } });
    await expect(acceptStoreOffer(db(), accessToken)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await db().order.count({ where: { splitFromId: orderId } })).toBe(0);
  });

  it("keep the order as it is when the store offered for the missing units ran out before the shopper accepted", async () => {
    await setMode("ASK");
    const { a, b, c, product, orderId, accessToken } = await orderWithNeighbours({ b: 1, c: 0 });
    await shortOf(orderId, product.sku, "Damaged");
    // Someone else takes B's last unit meanwhile.
    await db().inventoryLevel.update({ where: { storeId_productId: { storeId: b.id, productId: product.id } }, data: { allocated: 1 } });
    expect(await acceptStoreOffer(db(), accessToken)).toMatchObject({ outcome: "stays", why: `${b.name} no longer has them` });
    expect(await db().order.count({ where: { splitFromId: orderId } })).toBe(0);
    expect(await level(b.id, product.id)).toEqual({ onHand: 1, allocated: 1 });
    expect((await db().orderReroute.findFirstOrThrow({ where: { orderId } })).status).toBe("EXPIRED");
    await db().inventoryLevel.update({ where: { storeId_productId: { storeId: b.id, productId: product.id } }, data: { allocated: 0 } });
    await expectStockAgreesEverywhere(product, [a, b, c]);
  });

  it("keep the order where it is, smaller, when the shopper lets the offer lapse or the store has it ready first", async () => {
    await setMode("ASK", 5);
    const lapsed = await orderWithNeighbours();
    await shortOf(lapsed.orderId, lapsed.product.sku, "Damaged");
    expect(await expireStoreOffers(db(), new Date(Date.now() + 6 * 60_000))).toBeGreaterThanOrEqual(1);
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: lapsed.orderId } })).toMatchObject({ storeId: lapsed.a.id, status: "PICKING", totalCents: 1000 });
    expect((await db().orderReroute.findFirstOrThrow({ where: { orderId: lapsed.orderId } })).status).toBe("EXPIRED");
    await expectStockAgreesEverywhere(lapsed.product, [lapsed.a, lapsed.b, lapsed.c]);

    const readied = await orderWithNeighbours();
    await shortOf(readied.orderId, readied.product.sku, "Damaged");
    await recordPosEvent(db(), { orderId: readied.orderId, type: EVENT.orderReady, associate: "A-1", data: { stagingBin: "B1" } });
    await drain();
    await expect(acceptStoreOffer(db(), readied.accessToken)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await db().order.findUniqueOrThrow({ where: { id: readied.orderId } })).toMatchObject({ storeId: readied.a.id, status: "READY" });
    await expectStockAgreesEverywhere(readied.product, [readied.a, readied.b, readied.c]);
  });
});
