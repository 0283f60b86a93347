import { describe, expect, it } from "vitest";
import { GET } from "@/app/(shop)/orders/[token]/status/route";
import { getDb } from "@/lib/platform/db/prisma";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";

const get = (token: string) => GET(new Request(`http://handoff.test/orders/${token}/status`), { params: Promise.resolve({ token }) });

describe("GET /orders/{token}/status, which the order page polls", () => {
  it("answers the order page's view for the link's token, never cached, and 404 for any other token", async () => {
    const store = await createStore(getDb());
    const product = await createProduct(getDb(), store.id, { onHand: 3 });
    const slot = await firstSlot(getDb(), store.id, new Date());
    const placed = await placeOrder(getDb(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));

    const response = await get(placed.accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const view = await response.json();
    expect(view).toMatchObject({ number: `H-${placed.number}`, status: "PLACED", canCancel: true, lines: [{ sku: product.sku, quantity: 2 }] });
    expect(view.pickupCode).toMatch(/^\d{6}$/);

    for (const token of ["z".repeat(32), "short", placed.accessToken.slice(0, -1)]) {
      const missing = await get(token);
      expect([token, missing.status]).toEqual([token, 404]);
      expect(await missing.json()).toEqual({ error: "We could not find this order." });
    }
  });
});
