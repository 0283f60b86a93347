import { describe, expect, it } from "vitest";
import { reconcileOnSchedule } from "@/lib/monitor/cascade/reconcile-schedule";
import { getDb } from "@/lib/platform/db/prisma";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { drain, drainWhile, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

describe("scheduled reconciliation", () => {
  it("runs once per interval however many workers ask, re-sends what is missing and reports it", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const slot = await firstSlot(db(), store.id, new Date());
    // The storefront never heard of this order: its delivery was dropped.
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.created", kind: "DROP", storeCode: store.code } });
    const { orderId, number } = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }));
    await drain();
    await db().faultRule.deleteMany({ where: { storeCode: store.code } });
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toBeNull();

    // Two workers reach the schedule at once, well after the order settled.
    const later = new Date(Date.now() + 10 * 60_000);
    await db().reconciliationRun.deleteMany({ where: { trigger: "scheduled" } });
    const started = await drainWhile(Promise.all([reconcileOnSchedule(db(), later, { storeId: store.id }), reconcileOnSchedule(db(), later, { storeId: store.id })]));
    expect(started.filter(Boolean)).toHaveLength(1);
    expect(await reconcileOnSchedule(db(), later, { storeId: store.id })).toBe(false); // this interval's run has happened

    const run = await db().reconciliationRun.findFirstOrThrow({ where: { trigger: "scheduled", storeId: store.id } });
    expect(run).toMatchObject({ status: "done", checked: 1, mismatchedOrders: 1, resynced: 1, stillFailing: 0 });
    expect(await db().reconciliationMismatch.findMany({ where: { runId: run.id }, select: { orderNumber: true, system: true, nodeId: true } })).toEqual([
      { orderNumber: number, system: "STOREFRONT", nodeId: "placement-step-4" },
    ]);
    await drain();
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "placed" });
  });
});
