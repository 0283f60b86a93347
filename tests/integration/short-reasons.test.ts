import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as postStock } from "@/app/api/v1/stock/route";
import { EVENT } from "@/lib/bus/event-names";
import { signedHeaders } from "@/lib/bus/signing";
import { loadShortPickKpis } from "@/lib/monitor/kpis/short-pick-kpis";
import { checkInventoryAccuracy } from "@/lib/monitor/inventory-accuracy/run-inventory-accuracy";
import { rotateStockFeedSecret } from "@/lib/oms/stock-feed/stock-feed-secret";
import { getDb } from "@/lib/platform/db/prisma";
import type { Staff } from "@/lib/platform/auth/staff";
import { isDomainError } from "@/lib/platform/errors";
import { shortOrderLinesInTx } from "@/lib/oms/orders/short-lines";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { routeOrder } from "@/lib/oms/routing/route-order";
import { findPickupStores } from "@/lib/oms/stores/find-pickup-stores";
import { pickupCodeFor } from "@/lib/platform/security/pickup-code";
import { declineAtHandover } from "@/lib/pos/store-queue/decline";
import { handOver } from "@/lib/pos/store-queue/handover";
import { confirmPick, markShort, startPicking } from "@/lib/pos/store-queue/pick";
import { markReady, stageOrder } from "@/lib/pos/store-queue/ready";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";
import { stockOf } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

/** An order for 2 of an item (10 on hand) with one unit short for `reason`, through the bus. */
async function shortOne(reason: string) {
  const placed = await placedOrder(2);
  await drain();
  await recordPosEvent(db(), { orderId: placed.orderId, type: EVENT.orderLinesShorted, associate: "A-1", data: { lines: [{ sku: placed.product.sku, quantity: 1, reason }] } });
  await drain();
  const available = async () => (await db().storefrontAvailability.findUniqueOrThrow({ where: { storeCode_sku: { storeCode: placed.store.code, sku: placed.product.sku } } })).available;
  return { ...placed, level: () => stockOf(db(), placed.store.id, placed.product.id), available };
}

describe("a short line's reason decides what happens to the store's stock", () => {
  it("not found: the item shows as out of stock at the store until its next count, and the storefront follows", async () => {
    const short = await shortOne("Not found");
    // One unit still held for the order; nothing else is offered.
    expect(await short.level()).toMatchObject({ onHand: 1, allocated: 1 });
    expect(await short.available()).toBe(0);
    // Neither the store picker nor routing offers the store for it.
    const store = await db().store.findUniqueOrThrow({ where: { id: short.store.id }, include: { hours: true } });
    const shown = await findPickupStores(db(), { origin: store, lines: [{ productId: short.product.id, quantity: 1 }], radiusMiles: 1, now: new Date() });
    expect(shown.find((option) => option.id === store.id)?.coverage.canFillAll).toBe(false);
    const routed = await routeOrder(db(), { origin: store, requestedStore: store, lines: [{ productId: short.product.id, sku: short.product.sku, quantity: 1 }], pickupMethod: "IN_STORE", now: new Date() });
    expect(routed.kind === "store" ? routed.storeId : null).not.toBe(store.id);
    expect((await checkInventoryAccuracy(db(), { trigger: "manual", storeId: store.id, graceSeconds: 0 })).itemsMismatched).toBe(0);

    // The store counts the shelf: 6 there, one of them held for the order.
    const { secret } = (await rotateStockFeedSecret(db(), short.store.code))!;
    const body = JSON.stringify({ storeCode: short.store.code, messages: [{ id: `count-${randomUUID()}`, sequence: 1, kind: "count", sku: short.product.sku, quantity: 6 }] });
    const response = await postStock(new Request("http://handoff.test/api/v1/stock", { method: "POST", headers: signedHeaders(secret, `msg_${randomUUID()}`, body), body }));
    expect(response.status).toBe(202);
    await drain();
    expect(await short.level()).toMatchObject({ onHand: 6, allocated: 1 });
    expect(await short.available()).toBe(5);
  });

  it("damaged: the units leave on-hand, and what is available does not change", async () => {
    const short = await shortOne("Damaged");
    expect(await short.level()).toMatchObject({ onHand: 9, allocated: 1 });
    expect(await short.available()).toBe(8);
    expect((await checkInventoryAccuracy(db(), { trigger: "manual", storeId: short.store.id, graceSeconds: 0 })).itemsMismatched).toBe(0);
  });

  it("customer declined: the units go back to available", async () => {
    const short = await shortOne("Customer declined");
    expect(await short.level()).toMatchObject({ onHand: 10, allocated: 1 });
    expect(await short.available()).toBe(9);
    const accuracy = await checkInventoryAccuracy(db(), { trigger: "manual", storeId: short.store.id, graceSeconds: 0 });
    expect(accuracy.itemsMismatched).toBe(0);
  });

  it.each([
    ["Not found", { onHand: 0, allocated: 0 }, 0],
    ["Damaged", { onHand: 8, allocated: 0 }, 8],
  ])("%s for every unit: the order is canceled, and the storefront shows what the reason left, not the order's units back", async (reason, level, available) => {
    const placed = await placedOrder(2);
    await drain();
    await recordPosEvent(db(), { orderId: placed.orderId, type: EVENT.orderLinesShorted, associate: "A-1", data: { lines: [{ sku: placed.product.sku, quantity: 2, reason }] } });
    await drain();
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("CANCELED");
    expect(await stockOf(db(), placed.store.id, placed.product.id)).toMatchObject(level);
    expect((await db().storefrontAvailability.findUniqueOrThrow({ where: { storeCode_sku: { storeCode: placed.store.code, sku: placed.product.sku } } })).available).toBe(available);
    const accuracy = await checkInventoryAccuracy(db(), { trigger: "manual", storeId: placed.store.id, graceSeconds: 0 });
    expect(accuracy.itemsMismatched).toBe(0);
    // The shopper hears it once: the cancellation says why.
    const kinds = (await db().notificationMessage.findMany({ where: { orderId: placed.orderId }, select: { kind: true } })).map((message) => message.kind);
    expect(kinds.filter((kind) => kind.startsWith("lines_shorted:"))).toEqual([]);
  });

  it("are counted for the KPIs by store, SKU and reason", async () => {
    const notFound = await shortOne("Not found");
    const period = { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) };
    const rows = await loadShortPickKpis(db(), period);
    expect(rows.filter((row) => row.storeCode === notFound.store.code)).toEqual([{ storeCode: notFound.store.code, storeName: notFound.store.name, sku: notFound.product.sku, reason: "Not found", shorts: 1, units: 1 }]);
  });
});

describe("at the handover, the customer declining an item", () => {
  it("puts it back on the shelf, lowers the charge, keeps the order ready for the rest and tells the customer", async () => {
    const placed = await placedOrder(3);
    await drain();
    const associate: Staff = { id: randomUUID(), name: "Ana Associate", email: "ana@example.com", role: "ASSOCIATE", storeIds: [placed.store.id] };
    await startPicking(db(), associate, placed.orderNumber);
    for (let unit = 0; unit < 3; unit++) await confirmPick(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku });
    await stageOrder(db(), associate, { orderNumber: placed.orderNumber, bin: "A-1" });
    await markReady(db(), associate, placed.orderNumber);
    await drain();

    await declineAtHandover(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku, quantity: 1 }, "tablet-1");
    await drain();
    expect(await stockOf(db(), placed.store.id, placed.product.id)).toMatchObject({ onHand: 10, allocated: 2 });
    const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: true } });
    expect(order).toMatchObject({ status: "READY", totalCents: 2000 });
    expect(order.lines[0]).toMatchObject({ quantity: 3, shortQuantity: 1, shortReason: "Customer declined" });
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId: placed.orderId }, select: { status: true, itemCount: true } })).toEqual({ status: "ready", itemCount: 2 });
    expect((await db().notificationMessage.findMany({ where: { orderId: placed.orderId, kind: { startsWith: "lines_shorted:" } }, select: { subject: true } })).map((message) => message.subject)).toEqual([
      `Order H-${String(placed.orderNumber).padStart(6, "0")}: items you declined`,
    ]);
    expect(await db().posAuditEntry.count({ where: { orderId: placed.orderId, action: "declined_at_handover" } })).toBe(1);

    // The rest is handed over and only it is charged.
    const { accessToken } = await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { accessToken: true } });
    expect(await handOver(db(), associate, { orderNumber: placed.orderNumber, code: pickupCodeFor(accessToken), idChecked: false }, "tablet-1")).toMatchObject({ ok: true });
    await drain();
    expect(await db().paymentAuthorization.findUniqueOrThrow({ where: { orderId: placed.orderId }, select: { status: true, capturedCents: true } })).toEqual({ status: "CAPTURED", capturedCents: 2000 });
    expect(await stockOf(db(), placed.store.id, placed.product.id)).toMatchObject({ onHand: 8, allocated: 0 });
    const accuracy = await checkInventoryAccuracy(db(), { trigger: "manual", storeId: placed.store.id, graceSeconds: 0 });
    expect(accuracy.itemsMismatched).toBe(0);
  });

  it("is the only short a ready order takes, and only for what was picked", async () => {
    const placed = await placedOrder(2);
    await drain();
    const associate: Staff = { id: randomUUID(), name: "Ana Associate", email: "ana@example.com", role: "ASSOCIATE", storeIds: [placed.store.id] };
    await expect(declineAtHandover(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku, quantity: 1 }, null)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await startPicking(db(), associate, placed.orderNumber);
    await confirmPick(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku });
    await confirmPick(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku });
    await stageOrder(db(), associate, { orderNumber: placed.orderNumber, bin: "A-1" });
    await markReady(db(), associate, placed.orderNumber);
    await drain();
    await expect(declineAtHandover(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku, quantity: 3 }, null)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const refused = await db()
      .$transaction((tx) => shortOrderLinesInTx(tx, { orderId: placed.orderId, at: new Date(), lines: [{ sku: placed.product.sku, quantity: 1, reason: "Not found" }] }))
      .then(() => null, (error: unknown) => (isDomainError(error) ? error.code : error));
    expect(refused).toBe("INVALID_TRANSITION");
  });

  it("tapped twice at once takes back one unit, not two; declining everything cancels the order as declined", async () => {
    const placed = await placedOrder(1);
    await drain();
    const associate: Staff = { id: randomUUID(), name: "Ana Associate", email: "ana@example.com", role: "ASSOCIATE", storeIds: [placed.store.id] };
    await startPicking(db(), associate, placed.orderNumber);
    await confirmPick(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku });
    await stageOrder(db(), associate, { orderNumber: placed.orderNumber, bin: "A-1" });
    await markReady(db(), associate, placed.orderNumber);
    await drain();

    const taps = await Promise.allSettled([1, 2].map(() => declineAtHandover(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku, quantity: 1 }, null)));
    expect(taps.filter((tap) => tap.status === "fulfilled")).toHaveLength(1);
    expect(await db().posOrderLine.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { pickedQuantity: true, shortQuantity: true } })).toEqual({ pickedQuantity: 0, shortQuantity: 1 });
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { status: true, cancelReason: true } })).toEqual({ status: "CANCELED", cancelReason: "The customer declined every item at pickup" });
    expect(await stockOf(db(), placed.store.id, placed.product.id)).toMatchObject({ onHand: 10, allocated: 0 });
  });
});

describe("a short tapped twice at once", () => {
  it("leaves out one unit, not two, of a line with one left to pick", async () => {
    const placed = await placedOrder(1);
    await drain();
    const associate: Staff = { id: randomUUID(), name: "Ana Associate", email: "ana@example.com", role: "ASSOCIATE", storeIds: [placed.store.id] };
    await startPicking(db(), associate, placed.orderNumber);
    const taps = await Promise.allSettled([1, 2].map(() => markShort(db(), associate, { orderNumber: placed.orderNumber, sku: placed.product.sku, quantity: 1, reason: "Damaged" }, null)));
    expect(taps.filter((tap) => tap.status === "fulfilled")).toHaveLength(1);
    expect(await db().posOrderLine.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { shortQuantity: true } })).toEqual({ shortQuantity: 1 });
    expect((await db().posOrderTask.findUniqueOrThrow({ where: { orderId: placed.orderId } })).itemCount).toBe(0);
  });
});

describe("a short racing the shopper's cancel", () => {
  it("gives the units back once, whichever wins", async () => {
    for (let round = 0; round < 4; round++) {
      const placed = await placedOrder(3);
      await drain();
      await Promise.allSettled([
        db().$transaction((tx) => shortOrderLinesInTx(tx, { orderId: placed.orderId, at: new Date(), lines: [{ sku: placed.product.sku, quantity: 1, reason: "Customer declined" }] })),
        cancelOrder(db(), { orderId: placed.orderId, reason: "Canceled by the customer", origin: "STOREFRONT" }),
      ]);
      expect(await stockOf(db(), placed.store.id, placed.product.id)).toMatchObject({ onHand: 10, allocated: 0 });
    }
  });
});
