import { describe, expect, it } from "vitest";
import { auditOrders } from "@/lib/monitor/cascade/audit";
import { getDb } from "@/lib/platform/db/prisma";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

/** Orders at a fresh store, delivered to every system, ready for a scenario. */
async function ordersAtNewStore(count: number) {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand: 50 });
  const slot = await firstSlot(db(), store.id, new Date());
  const orders = [];
  for (let i = 0; i < count; i++) orders.push(await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] })));
  await drain();
  return { store, orders };
}

const later = () => new Date(Date.now() + 10 * 60_000);

describe("the cascade audit (seed 000: repeat for three orders)", () => {
  it("calls the same node three times a structural gap, with its fix lane", async () => {
    const { store, orders } = await ordersAtNewStore(3);
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    for (const { orderId } of orders) await cancelOrder(db(), { orderId, reason: "test", origin: "OMS" });
    await drain();

    const result = await auditOrders(db(), [...orders.map((order) => order.number), 999_999_999], later());
    expect(result.verdict).toMatchObject({ kind: "structural", node: { id: "cancellation-1", fixLane: "OMS event routing" } });
    expect(result.evidence.map((item) => item.node?.id)).toEqual(["cancellation-1", "cancellation-1", "cancellation-1"]);
    expect(result.unknown).toEqual([999_999_999]);
  });

  it("calls varying nodes an event-handling edge case, and needs three failing orders to say anything", async () => {
    const { store, orders } = await ordersAtNewStore(4);
    const [a, b, c, healthy] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    await db().faultRule.create({ data: { source: "OMS", target: "NOTIFICATION", eventType: "order.ready", kind: "WRONG_TYPE", storeCode: store.code } });
    await cancelOrder(db(), { orderId: a.orderId, reason: "test", origin: "OMS" });
    await cancelOrder(db(), { orderId: b.orderId, reason: "test", origin: "OMS" });
    await recordPosEvent(db(), { orderId: c.orderId, type: "order.ready", associate: "A-1" });
    await drain();

    const mixed = await auditOrders(db(), [a.number, b.number, c.number, healthy.number], later());
    expect(mixed.verdict).toMatchObject({ kind: "edge_case", nodes: [{ node: { id: "cancellation-1" }, orders: 2 }, { node: { id: "ready-step-4" }, orders: 1 }] });
    expect(mixed.evidence.at(-1)).toEqual({ orderNumber: healthy.number, node: null });

    expect((await auditOrders(db(), [a.number, healthy.number], later())).verdict.kind).toBe("insufficient");
  });
});
