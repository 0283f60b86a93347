import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { newBrowserId } from "@/lib/oms/orders/checkout-browser";
import { TEST_CARDS } from "@/lib/oms/payments/card";
import { createProduct, createStore, firstSlot } from "../support/factories";

// The request is the one thing faked: which browser's cookie it carries, and Next's redirect.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => (browser.cookie ? { value: browser.cookie } : undefined) }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const { placeOrderAction } = await import("@/app/(shop)/checkout/actions");

const db = () => getDb();

async function submit(form: FormData): Promise<{ redirectedTo?: string; message?: string }> {
  try {
    const result = await placeOrderAction({ status: "idle" }, form);
    return { message: result.status === "error" ? result.message : undefined };
  } catch (error) {
    return { redirectedTo: (error as { url: string }).url };
  }
}

/** A filled-in checkout form for one unit at a fresh store, as the page would submit it. */
async function checkoutAtNewStore(fields: Record<string, string> = {}) {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand: 5 });
  const slot = await firstSlot(db(), store.id, new Date());
  const form = new FormData();
  for (const [name, value] of Object.entries({
    checkoutId: randomUUID(),
    storeId: store.id,
    pickupMethod: "IN_STORE",
    slotStartsAt: slot.startsAt.toISOString(),
    lines: JSON.stringify([{ productId: product.id, quantity: 1 }]),
    name: "Riley Shopper",
    email: "riley@example.com",
    phone: "512-555-0123",
    cardNumber: TEST_CARDS.approved,
    ...fields,
  })) form.set(name, value);
  return { store, form };
}

describe("a checkout submitted again", () => {
  it("returns its order to the browser that placed it, and to nobody else", async () => {
    const { store, form } = await checkoutAtNewStore();

    const shopper = newBrowserId();
    browser.cookie = shopper;
    const placed = await submit(form);
    expect(placed.redirectedTo).toMatch(/^\/orders\/[A-Za-z0-9_-]{20,}\?placed=1$/);
    expect(await submit(form)).toEqual({ redirectedTo: placed.redirectedTo }); // a double click or a retry

    for (const other of [newBrowserId(), undefined]) {
      browser.cookie = other;
      expect(await submit(form)).toEqual({ message: "This checkout was already used to place an order. Reload the page to start a new one." });
    }
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("with a NUL in the name, points at the name field and places nothing", async () => {
    const { store, form } = await checkoutAtNewStore({ name: "Jo\u0000rdan" });
    browser.cookie = newBrowserId();
    expect(await placeOrderAction({ status: "idle" }, form)).toEqual({
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: { name: expect.stringContaining("a character we cannot store") },
    });
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(0);
  });
});
