import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { newBrowserId } from "@/lib/oms/orders/checkout-browser";
import { TEST_CARDS } from "@/lib/oms/payments/card";
import { createProduct, createStore, firstSlot, stockOf } from "../support/factories";

// The request is the one thing faked: which browser's cookie it carries, and Next's redirect.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined, address: "203.0.113.7" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (browser.cookie ? { value: browser.cookie } : undefined) }),
  headers: async () => new Headers({ "x-forwarded-for": browser.address }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const { placeOrderAction, findStoresAction } = await import("@/app/(shop)/checkout/actions");
const { holdCartAction } = await import("@/app/(shop)/checkout/hold-actions");
const { HOLDS_PER_CLIENT } = await import("@/lib/oms/checkout-hold/hold-cart");

const db = () => getDb();

async function checkoutForm(storeId: string, productId: string, checkoutId: string) {
  const slot = await firstSlot(db(), storeId, new Date());
  const form = new FormData();
  for (const [name, value] of Object.entries({
    checkoutId,
    storeId,
    pickupMethod: "IN_STORE",
    slotStartsAt: slot.startsAt.toISOString(),
    lines: JSON.stringify([{ productId, quantity: 1 }]),
    name: "Riley Shopper",
    email: "riley@example.com",
    phone: "512-555-0123",
    cardNumber: TEST_CARDS.approved,
  })) form.set(name, value);
  return form;
}

async function submit(form: FormData) {
  try {
    return await placeOrderAction({ status: "idle" }, form);
  } catch (error) {
    return { redirectedTo: (error as { url: string }).url };
  }
}

/** A store with one unit of an item, and a new browser's checkout holding it. */
async function holdOfTheLastUnit() {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand: 1 });
  browser.cookie = newBrowserId();
  const checkoutId = randomUUID();
  await holdCartAction({ checkoutId, storeId: store.id, lines: [{ productId: product.id, quantity: 1 }] });
  return { store, product, checkoutId };
}

describe("the checkout's hold, as the shopper sees it", () => {
  it("says until when the items are held, and the shopper's own hold still counts as available to them", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 1 });
    await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: 0 } }); // as after the hold's event
    browser.cookie = newBrowserId();
    const checkoutId = randomUUID();
    const lines = [{ productId: product.id, quantity: 1 }];

    const held = await holdCartAction({ checkoutId, storeId: store.id, lines });
    expect(held).toMatchObject({ ok: true, hold: { storeId: store.id, untilLabel: expect.stringMatching(/^\d{1,2}:\d{2} [AP]M( \w+)?$/) } });

    const search = { coordinates: { latitude: store.latitude, longitude: store.longitude }, radiusMiles: 10 as const, lines };
    const mine = await findStoresAction({ ...search, checkoutId });
    expect(mine.ok && mine.stores.find((choice) => choice.id === store.id)?.canFillAll).toBe(true);
    // Another browser with the same checkout id is not shown someone else's units.
    browser.cookie = newBrowserId();
    const theirs = await findStoresAction({ ...search, checkoutId });
    expect(theirs.ok && theirs.stores.find((choice) => choice.id === store.id)?.canFillAll).toBe(false);
    expect(await holdCartAction({ checkoutId, storeId: store.id, lines })).toEqual({
      ok: false,
      message: "This checkout belongs to another browser. Reload the page to start a new one.",
      alternatives: undefined,
    });
  });

  it("that ran out is told before paying: held again with a new time, the card untouched; placing it then works", async () => {
    const { store, product, checkoutId } = await holdOfTheLastUnit();
    await db().checkoutHold.update({ where: { checkoutId }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    const form = await checkoutForm(store.id, product.id, checkoutId);
    const told = await submit(form);
    expect(told).toMatchObject({ status: "error", message: expect.stringMatching(/^Your hold ended at .+, so we checked the store again: your items are held for you until .+\. Your card has not been charged; place the order to pay\.$/) });
    expect((told as { hold: { expiresAt: string } }).hold.expiresAt > new Date().toISOString()).toBe(true);
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db().paymentAuthorization.count({ where: { order: { storeId: store.id } } })).toBe(0);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(1);

    expect(await submit(form)).toMatchObject({ redirectedTo: expect.stringMatching(/^\/orders\//) });
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(1);
  });

  it("that ran out while another shopper took the last unit: the shopper is told, and nothing is charged", async () => {
    const { store, product, checkoutId } = await holdOfTheLastUnit();
    // The hold ran out and the worker gave the unit back; someone else held it.
    await db().checkoutHold.update({ where: { checkoutId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const { expireCheckoutHolds } = await import("@/lib/oms/checkout-hold/expire-holds");
    await expireCheckoutHolds(db());
    const mine = browser.cookie;
    browser.cookie = newBrowserId();
    expect(await holdCartAction({ checkoutId: randomUUID(), storeId: store.id, lines: [{ productId: product.id, quantity: 1 }] })).toMatchObject({ ok: true });

    browser.cookie = mine;
    const told = await submit(await checkoutForm(store.id, product.id, checkoutId));
    expect(told).toMatchObject({ status: "error", hold: null, message: expect.stringMatching(/^Your hold ended at .+\. .+ just sold out at .+\. Pick another store or remove it from your cart\.$/) });
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("is not given to a caller without the browser cookie, nor to an address past its limit; checkout still works", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 500 });
    const lines = [{ productId: product.id, quantity: 1 }];
    browser.cookie = undefined;
    expect(await holdCartAction({ checkoutId: randomUUID(), storeId: store.id, lines })).toEqual({ ok: true, hold: null });

    browser.address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < HOLDS_PER_CLIENT.limit + 2; i++) {
      browser.cookie = newBrowserId(); // a script taking a fresh cookie each time
      expect(await holdCartAction({ checkoutId: randomUUID(), storeId: store.id, lines })).toMatchObject({ ok: true, hold: i < HOLDS_PER_CLIENT.limit ? { storeId: store.id } : null });
    }
    expect(await db().checkoutHold.count({ where: { storeId: store.id, status: "HELD" } })).toBe(HOLDS_PER_CLIENT.limit);
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(HOLDS_PER_CLIENT.limit);
    browser.address = "203.0.113.7";
  });
});
