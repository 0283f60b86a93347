import { describe, expect, it } from "vitest";
import { closeReservations } from "@/lib/oms/inventory/close-reservations";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { withCommitHooks } from "@/lib/platform/db/commit-hooks";
import { getDb } from "@/lib/platform/db/prisma";
import { createProduct, createStore, firstSlot, orderInput, stockOf } from "../support/factories";

const db = () => getDb();

/** Two orders of one unit each at a new store, and where its stock is. */
async function twoOrdersAtNewStore() {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand: 10 });
  const slot = await firstSlot(db(), store.id, new Date());
  const place = async () => (await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))).orderId;
  return { storeId: store.id, productId: product.id, orders: [await place(), await place()] as const };
}

describe("a receiver's batch closing reservations at several stores", () => {
  it("moves the stock at its end, so two batches closing them in opposite store orders both commit, and the ledger is right", async () => {
    const a = await twoOrdersAtNewStore();
    const b = await twoOrdersAtNewStore();
    const at = new Date();
    // The first batch closes an order at store A, the second one at store B; then each closes one at the other's store.
    let firstClosed!: () => void;
    let secondClosed!: () => void;
    const first = new Promise<void>((resolve) => (firstClosed = resolve));
    const second = new Promise<void>((resolve) => (secondClosed = resolve));
    const results = await Promise.allSettled([
      db().$transaction((tx) =>
        withCommitHooks(tx, async () => {
          await closeReservations(tx, a.orders[0], at, "CONSUMED");
          firstClosed();
          await second;
          await closeReservations(tx, b.orders[0], at, "CONSUMED");
        }),
      ),
      db().$transaction((tx) =>
        withCommitHooks(tx, async () => {
          await first;
          await closeReservations(tx, b.orders[1], at, "RELEASED");
          secondClosed();
          await closeReservations(tx, a.orders[1], at, "RELEASED");
        }),
      ),
    ]);
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : "committed"))).toEqual(["committed", "committed"]);
    // One unit of each store left with its shopper, the other went back on the shelf.
    for (const { storeId, productId } of [a, b]) expect(await stockOf(db(), storeId, productId)).toMatchObject({ onHand: 9, allocated: 0 });
  });

  it("moves nothing when the batch rolls back", async () => {
    const a = await twoOrdersAtNewStore();
    await expect(
      db().$transaction((tx) =>
        withCommitHooks(tx, async () => {
          await closeReservations(tx, a.orders[0], new Date(), "CONSUMED");
          throw new Error("a later event in the batch failed");
        }),
      ),
    ).rejects.toThrow("a later event in the batch failed");
    expect(await stockOf(db(), a.storeId, a.productId)).toMatchObject({ onHand: 10, allocated: 2 });
    expect(await db().reservation.count({ where: { storeId: a.storeId, status: "HELD" } })).toBe(2);
  });
});
