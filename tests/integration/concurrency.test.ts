import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { createProduct, createStore, firstSlot, orderInput, stockOf } from "../support/factories";

const db = () => getDb();
const now = new Date();

describe("under concurrency", () => {
  it("sells exactly the 10 units in stock to 40 simultaneous shoppers", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const slot = await firstSlot(db(), store.id, now);

    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }), now),
      ),
    );

    const succeeded = results.filter((r) => r.status === "fulfilled");
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as { code?: string }).code);
    expect(succeeded).toHaveLength(10);
    expect(failures).toEqual(Array(30).fill("INSUFFICIENT_STOCK"));
    const level = await stockOf(db(), store.id, product.id);
    expect(level).toMatchObject({ onHand: 10, allocated: 10 });
    expect(await db().reservation.aggregate({ where: { productId: product.id, status: "HELD" }, _sum: { quantity: true } })).toMatchObject({ _sum: { quantity: 10 } });
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(10);
  });

  it("books a slot with capacity 3 exactly 3 times out of 10 simultaneous tries", async () => {
    const store = await createStore(db(), { slotCapacity: 3 });
    const product = await createProduct(db(), store.id, { onHand: 100 });
    const slot = await firstSlot(db(), store.id, now);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }), now),
      ),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "SLOT_UNAVAILABLE" });
    }
    const row = await db().pickupSlot.findUniqueOrThrow({ where: { storeId_startsAt: { storeId: store.id, startsAt: slot.startsAt } } });
    expect(row).toMatchObject({ booked: 3, capacity: 3 });
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(3);
  });

  it("never deadlocks when multi-item carts list the same products in opposite orders", async () => {
    const store = await createStore(db());
    const a = await createProduct(db(), store.id, { onHand: 50 });
    const b = await createProduct(db(), store.id, { onHand: 50 });
    const slot = await firstSlot(db(), store.id, now);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => {
        const lines = [{ productId: a.id, quantity: 1 }, { productId: b.id, quantity: 1 }];
        return placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: i % 2 ? lines.reverse() : lines }), now);
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect((await stockOf(db(), store.id, a.id)).allocated).toBe(20);
    expect((await stockOf(db(), store.id, b.id)).allocated).toBe(20);
  });
});
