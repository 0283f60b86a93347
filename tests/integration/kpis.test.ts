import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/prisma";
import { loadKpis } from "@/lib/kpis/store-kpis";
import { placeOrder } from "@/lib/orders/place-order";
import { recordPosEvent } from "@/lib/systems/pos/record-pos-event";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "./factories";

const db = () => getDb();
serveSystemsForThisFile();

describe("KPIs", () => {
  it("measures a store's orders, pick-to-ready, conversion, no-shows, availability, stale holds and delivery errors", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 20 }, 1_000);
    await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: 20 } });
    const slot = await firstSlot(db(), store.id, new Date());
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))).orderId);
    await drain();
    for (const orderId of ids.slice(0, 3)) await recordPosEvent(db(), { orderId, type: "order.ready", associate: "A-1" });
    await drain();
    for (const orderId of ids.slice(0, 2)) await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1" });
    await drain();

    // Set the clock on what happened: ready after 10, 20 and 30 minutes; the third order a no-show
    // whose authorization was left uncaptured past its hold.
    const placedAt = new Date(Date.now() - 3_600_000);
    for (const [index, orderId] of ids.entries()) {
      await db().order.update({ where: { id: orderId }, data: { placedAt, ...(index < 3 ? { readyAt: new Date(placedAt.getTime() + (index + 1) * 10 * 60_000) } : {}) } });
      await db().posOrderTask.update({ where: { orderId }, data: { pickTargetAt: new Date(placedAt.getTime() + 15 * 60_000) } });
    }
    await db().order.update({ where: { id: ids[2]! }, data: { status: "NO_SHOW", holdUntil: new Date(Date.now() - 60_000) } });

    const kpis = await loadKpis(db(), { from: new Date(Date.now() - 86_400_000), to: new Date() }, store.id);
    expect(kpis.ordersPlaced).toBe(4);
    expect(kpis.pickToReady).toEqual({ orders: 3, medianMinutes: 20, p90Minutes: 28, withinTarget: 1, adherence: 1 / 3 });
    expect(kpis.pickupConversion).toEqual({ pickedUp: 2, noShows: 1, rate: 2 / 3 });
    expect(kpis.noShowRate).toBeCloseTo(1 / 3);
    // The storefront's cache followed every allocation and pickup over the bus…
    expect(kpis.availabilityMismatch).toEqual({ checked: 1, mismatched: 0, rate: 0 });
    expect(kpis.staleAuthorizations).toEqual({ count: 1, amountCents: 1_000 });
    expect(kpis.deliveryErrorRate.find((row) => row.system === "STOREFRONT")).toMatchObject({ failed: 0, rate: 0 });
    expect(kpis.deliveryErrorRate.map((row) => row.system).sort()).toEqual(["NOTIFICATION", "OMS", "POS", "STOREFRONT", "WMS"]);

    // …until an update is lost.
    await db().storefrontAvailability.updateMany({ where: { storeCode: store.code, sku: product.sku }, data: { available: { increment: 1 } } });
    expect((await loadKpis(db(), { from: new Date(Date.now() - 86_400_000), to: new Date() }, store.id)).availabilityMismatch).toEqual({ checked: 1, mismatched: 1, rate: 1 });
  });
});
