import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { holdCart, MAX_HOLDS_PER_BROWSER } from "@/lib/oms/checkout-hold/hold-cart";
import { expireCheckoutHolds } from "@/lib/oms/checkout-hold/expire-holds";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { checkInventoryAccuracy } from "@/lib/monitor/inventory-accuracy/run-inventory-accuracy";
import { saveRetailerSettings } from "@/lib/oms/retailer-settings";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput, stockOf } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

/** A store with `onHand` units of one product, known to the storefront. */
async function stockedStore(onHand: number) {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand });
  await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: onHand } });
  return { store, product };
}

const availableAt = async (storeCode: string, sku: string) => (await db().storefrontAvailability.findUniqueOrThrow({ where: { storeCode_sku: { storeCode, sku } } })).available;
const accurate = async (storeId: string) => (await checkInventoryAccuracy(db(), { trigger: "manual", storeId, graceSeconds: 0 })).itemsMismatched === 0;
const rejection = (work: Promise<unknown>) => work.then(() => null, (error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error)));

describe("a checkout hold", () => {
  it("counts against availability: a second shopper is not promised the last unit, and the storefront follows", async () => {
    const { store, product } = await stockedStore(1);
    const lines = [{ productId: product.id, quantity: 1 }];
    const hold = await holdCart(db(), { checkoutId: randomUUID(), storeId: store.id, lines, browser: "browser-a" });
    expect(hold!.expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 1, allocated: 1 });

    expect(await rejection(holdCart(db(), { checkoutId: randomUUID(), storeId: store.id, lines, browser: "browser-b" }))).toBe("INSUFFICIENT_STOCK");
    const slot = await firstSlot(db(), store.id, new Date());
    expect(await rejection(placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines })))).toBe("INSUFFICIENT_STOCK");

    await drain();
    expect(await availableAt(store.code, product.sku)).toBe(0);
    expect(await accurate(store.id)).toBe(true);
  });

  it("becomes the order's reservation when the order is placed: nothing held twice, ledger, WMS and storefront agree", async () => {
    const { store, product } = await stockedStore(3);
    const checkoutId = randomUUID();
    await holdCart(db(), { checkoutId, storeId: store.id, lines: [{ productId: product.id, quantity: 2 }], browser: "browser-a" });
    const slot = await firstSlot(db(), store.id, new Date());
    // The last free unit is still there for someone else.
    await holdCart(db(), { checkoutId: randomUUID(), storeId: store.id, lines: [{ productId: product.id, quantity: 1 }], browser: "browser-b" });

    const placed = await placeOrder(db(), orderInput({ checkoutId, storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 3, allocated: 3 });
    expect(await db().checkoutHold.findUniqueOrThrow({ where: { checkoutId } })).toMatchObject({ status: "PLACED", orderId: placed.orderId });

    await drain();
    expect(await availableAt(store.code, product.sku)).toBe(0);
    expect(await db().wmsAllocation.aggregate({ where: { storeCode: store.code, sku: product.sku, status: "HELD" }, _sum: { quantity: true } })).toMatchObject({ _sum: { quantity: 2 } });
    expect(await accurate(store.id)).toBe(true);
  });

  it("moves with the shopper's choice of store, and follows a changed cart at the same store", async () => {
    const first = await stockedStore(2);
    const second = await createStore(db());
    await db().inventoryLevel.create({ data: { storeId: second.id, productId: first.product.id, onHand: 2 } });
    await db().storefrontAvailability.create({ data: { storeCode: second.code, sku: first.product.sku, available: 2 } });
    const checkoutId = randomUUID();
    const hold = (storeId: string, quantity: number) => holdCart(db(), { checkoutId, storeId, lines: [{ productId: first.product.id, quantity }], browser: "browser-a" });

    await hold(first.store.id, 1);
    await hold(second.id, 1);
    expect((await stockOf(db(), first.store.id, first.product.id)).allocated).toBe(0);
    expect((await stockOf(db(), second.id, first.product.id)).allocated).toBe(1);
    await hold(second.id, 2);
    expect((await stockOf(db(), second.id, first.product.id)).allocated).toBe(2);
    // A store that cannot fill the cart leaves the hold where it was.
    expect(await rejection(hold(first.store.id, 3))).toBe("INSUFFICIENT_STOCK");
    expect((await stockOf(db(), second.id, first.product.id)).allocated).toBe(2);
    expect(await db().checkoutHold.count({ where: { checkoutId } })).toBe(1);

    await drain();
    expect(await availableAt(first.store.code, first.product.sku)).toBe(2);
    expect(await availableAt(second.code, first.product.sku)).toBe(0);
    expect(await accurate(first.store.id)).toBe(true);
    expect(await accurate(second.id)).toBe(true);
  });

  it("runs out when the shopper leaves: the worker gives the units back, and a late order allocates afresh", async () => {
    const { store, product } = await stockedStore(2);
    const checkoutId = randomUUID();
    const lines = [{ productId: product.id, quantity: 2 }];
    await holdCart(db(), { checkoutId, storeId: store.id, lines, browser: "browser-a" }, new Date(Date.now() - 16 * 60_000));
    await expireCheckoutHolds(db());
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    expect((await db().checkoutHold.findUniqueOrThrow({ where: { checkoutId } })).status).toBe("EXPIRED");
    await drain();
    expect(await availableAt(store.code, product.sku)).toBe(2);

    const slot = await firstSlot(db(), store.id, new Date());
    await placeOrder(db(), orderInput({ checkoutId, storeId: store.id, slotStartsAt: slot.startsAt, lines }));
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(2);
    await drain();
    expect(await accurate(store.id)).toBe(true);
  });

  it("placed while the worker expires it: the units are held once, whichever wins", async () => {
    const { store, product } = await stockedStore(40);
    const slot = await firstSlot(db(), store.id, new Date());
    const lines = [{ productId: product.id, quantity: 1 }];
    const checkouts = Array.from({ length: 12 }, () => randomUUID());
    const past = new Date(Date.now() - 16 * 60_000);
    for (const checkoutId of checkouts) await holdCart(db(), { checkoutId, storeId: store.id, lines, browser: null }, past);

    await Promise.all([expireCheckoutHolds(db()), ...checkouts.map((checkoutId) => placeOrder(db(), orderInput({ checkoutId, storeId: store.id, slotStartsAt: slot.startsAt, lines })))]);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(12);
    expect(await db().checkoutHold.count({ where: { checkoutId: { in: checkouts }, status: "HELD" } })).toBe(0);
    await drain();
    expect(await availableAt(store.code, product.sku)).toBe(28);
    expect(await accurate(store.id)).toBe(true);
  });

  it("two shoppers racing for the last unit: exactly one holds it", async () => {
    const { store, product } = await stockedStore(1);
    const lines = [{ productId: product.id, quantity: 1 }];
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => rejection(holdCart(db(), { checkoutId: randomUUID(), storeId: store.id, lines, browser: `browser-${i}` }))),
    );
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "INSUFFICIENT_STOCK")).toHaveLength(5);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(1);
  });

  it("is one per checkout and belongs to its browser; a browser keeps a few at most", async () => {
    const { store, product } = await stockedStore(10);
    const lines = [{ productId: product.id, quantity: 1 }];
    const checkoutId = randomUUID();
    await Promise.all([1, 2, 3].map(() => holdCart(db(), { checkoutId, storeId: store.id, lines, browser: "browser-a" })));
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(1);
    expect(await rejection(holdCart(db(), { checkoutId, storeId: store.id, lines, browser: "browser-b" }))).toBe("CONFLICT");

    for (let i = 0; i < MAX_HOLDS_PER_BROWSER; i++) await holdCart(db(), { checkoutId: randomUUID(), storeId: store.id, lines, browser: "browser-a" });
    expect(await db().checkoutHold.count({ where: { browser: "browser-a", status: "HELD" } })).toBe(MAX_HOLDS_PER_BROWSER);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(MAX_HOLDS_PER_BROWSER);
    expect((await db().checkoutHold.findUniqueOrThrow({ where: { checkoutId } })).status).toBe("EXPIRED");
    await drain();
    expect(await accurate(store.id)).toBe(true);
  });

  it("is not taken when the retailer turned checkout holds off", async () => {
    const { store, product } = await stockedStore(1);
    await saveRetailerSettings(db(), { rerouteMode: "ASK", rerouteOfferMinutes: 30, holdExtensionHours: 48, checkoutHoldMinutes: 0, rerouteLateOrders: false }, "test");
    try {
      expect(await holdCart(db(), { checkoutId: randomUUID(), storeId: store.id, lines: [{ productId: product.id, quantity: 1 }], browser: "browser-a" })).toBeNull();
      expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    } finally {
      await saveRetailerSettings(db(), { rerouteMode: "ASK", rerouteOfferMinutes: 30, holdExtensionHours: 48, checkoutHoldMinutes: 15, rerouteLateOrders: false }, "test");
    }
  });

  it("moved to two stores by two requests at once ends at one of them, whole, with nothing held twice", async () => {
    const first = await stockedStore(3);
    const second = await createStore(db());
    await db().inventoryLevel.create({ data: { storeId: second.id, productId: first.product.id, onHand: 3 } });
    await db().storefrontAvailability.create({ data: { storeCode: second.code, sku: first.product.sku, available: 3 } });
    const checkoutId = randomUUID();
    const lines = [{ productId: first.product.id, quantity: 2 }];
    await holdCart(db(), { checkoutId, storeId: first.store.id, lines, browser: "browser-a" });
    for (let round = 0; round < 5; round++) {
      await Promise.all([first.store.id, second.id].map((storeId) => holdCart(db(), { checkoutId, storeId, lines, browser: "browser-a" })));
    }
    const hold = await db().checkoutHold.findUniqueOrThrow({ where: { checkoutId } });
    const allocated = [(await stockOf(db(), first.store.id, first.product.id)).allocated, (await stockOf(db(), second.id, first.product.id)).allocated];
    expect(allocated).toEqual(hold.storeId === first.store.id ? [2, 0] : [0, 2]);
    await drain();
    expect(await accurate(first.store.id)).toBe(true);
    expect(await accurate(second.id)).toBe(true);
  });

  it("is not taken again once its checkout placed the order, and a short store counts the shopper's own held units", async () => {
    const { store, product } = await stockedStore(2);
    const checkoutId = randomUUID();
    await holdCart(db(), { checkoutId, storeId: store.id, lines: [{ productId: product.id, quantity: 2 }], browser: "browser-a" });
    const more = await holdCart(db(), { checkoutId, storeId: store.id, lines: [{ productId: product.id, quantity: 3 }], browser: "browser-a" }).catch((error: unknown) => error);
    expect(more).toMatchObject({ code: "INSUFFICIENT_STOCK", message: `Only 2 left of ${product.name} at ${store.name} — pick another store or lower the quantity.` });

    const slot = await firstSlot(db(), store.id, new Date());
    await placeOrder(db(), orderInput({ checkoutId, storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));
    expect(await rejection(holdCart(db(), { checkoutId, storeId: store.id, lines: [{ productId: product.id, quantity: 1 }], browser: "browser-a" }))).toBe("CONFLICT");
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(2);
  });
});
