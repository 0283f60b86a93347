import { describe, expect, it } from "vitest";
import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { loadKpis } from "@/lib/monitor/kpis/store-kpis";
import { pruneHistory } from "@/lib/monitor/retention/prune-history";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { getDb } from "@/lib/platform/db/prisma";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// Retention walks every closed order and event in its database, with cursors of its own:
// this file has a database of its own.
ownDatabaseForThisFile("handoff_history");
serveSystemsForThisFile();

const db = () => getDb();
const DAY = 86_400_000;

async function history(orderId: string) {
  const events = await db().outboxEvent.findMany({ where: { orderId }, select: { id: true } });
  const ids = events.flatMap((event) => [event.id, `POS:${event.id}`]);
  return {
    steps: await db().chainStep.count({ where: { orderId } }),
    events: events.length,
    deliveries: await db().delivery.count({ where: { orderId } }),
    receipts: await db().inboxReceipt.count({ where: { webhookId: { in: ids } } }),
  };
}

describe("history retention", () => {
  it("removes closed orders' bus history and old orderless events, keeps open work, and keeps the KPIs' figures", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: 10 } });
    const slot = await firstSlot(db(), store.id, new Date());
    const place = async () => (await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))).orderId;
    // picked up; picked up with a delivery dead-lettered; still ready for pickup.
    const [closed, deadLettered, open] = [await place(), await place(), await place()];
    await drain();
    for (const orderId of [closed, deadLettered, open]) await recordPosEvent(db(), { orderId, type: "order.ready", associate: "A-1" });
    await drain();
    for (const orderId of [closed, deadLettered]) await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1", data: { verifiedBy: "pickup_code" } });
    await db().$transaction((tx) => writeOutboxEvent(tx, { type: EVENT.inventoryAdjusted, orderId: null, payload: { storeCode: store.code, lines: [{ sku: product.sku, availableDelta: 0 }] } }));
    await drain();
    const dead = await db().delivery.findFirstOrThrow({ where: { orderId: deadLettered, targetSystem: "NOTIFICATION" } });
    await db().delivery.update({ where: { id: dead.id }, data: { status: "DEAD", attempts: 5 } });
    const closedHistory = await history(closed);
    expect(closedHistory.steps).toBeGreaterThan(10);
    expect(closedHistory.receipts).toBe(closedHistory.deliveries);

    // A hundred days on: everything above happened long ago.
    const now = new Date();
    const longAgo = new Date(now.getTime() - 100 * DAY);
    await db().$executeRaw`UPDATE "Order" SET "updatedAt" = ${longAgo}::timestamp WHERE "storeId" = ${store.id}::uuid`;
    await db().$executeRaw`UPDATE "OutboxEvent" SET "occurredAt" = ${longAgo}::timestamp`;
    const period = { from: new Date(now.getTime() - DAY), to: new Date(now.getTime() + DAY) };
    const kpisBefore = [await loadKpis(db(), period), await loadKpis(db(), period, store.id)];
    // The overview's buckets for these steps are long gone by then.
    await db().deliveredStepBucket.deleteMany();

    expect(await pruneHistory(db(), now, 0)).toEqual({ orders: 0, events: 0, deliveries: 0, steps: 0, receipts: 0 });
    const pruned = await pruneHistory(db(), now, 90);

    expect(await history(closed)).toEqual({ steps: 0, events: 0, deliveries: 0, receipts: 0 });
    // The closed order's history, and the stock event with its one delivery (to the storefront).
    expect(pruned).toEqual({ orders: 1, events: closedHistory.events + 1, deliveries: closedHistory.deliveries + 1, steps: closedHistory.steps, receipts: closedHistory.receipts + 1 });
    expect(await db().outboxEvent.count({ where: { orderId: null } })).toBe(0);
    // Open work keeps its history: the dead-lettered delivery waits for an operator, the open order for its shopper.
    for (const orderId of [deadLettered, open]) expect((await history(orderId)).steps).toBeGreaterThan(0);
    expect(await db().delivery.count({ where: { id: dead.id, status: "DEAD" } })).toBe(1);
    // Removing steps whose buckets are gone leaves no negative bucket behind.
    expect(await db().deliveredStepBucket.count()).toBe(0);
    // The KPIs read the same, delivery error rates included.
    expect([await loadKpis(db(), period), await loadKpis(db(), period, store.id)]).toEqual(kpisBefore);

    // The cascade page says why the closed order has no steps; the open one still shows its own.
    const order = await db().order.findUniqueOrThrow({ where: { id: closed } });
    expect((await loadOrderCascade(db(), order.number, now))?.historyRemovedAfterDays).toBe(90);
    const openCascade = await loadOrderCascade(db(), (await db().order.findUniqueOrThrow({ where: { id: open } })).number, now);
    expect(openCascade?.historyRemovedAfterDays).toBeNull();
    expect(openCascade?.steps.length).toBeGreaterThan(0);

    // The next run starts where this one stopped: nothing more to remove.
    expect(await pruneHistory(db(), now, 90)).toEqual({ orders: 0, events: 0, deliveries: 0, steps: 0, receipts: 0 });
  });

  it("keeps events newer than the retention, and walks past them later", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    await db().$transaction((tx) => writeOutboxEvent(tx, { type: EVENT.inventoryAdjusted, orderId: null, payload: { storeCode: store.code, lines: [{ sku: product.sku, availableDelta: 0 }] } }));
    await drain();
    const now = new Date();
    expect((await pruneHistory(db(), now, 90)).events).toBe(0);
    expect(await db().outboxEvent.count({ where: { orderId: null } })).toBe(1);
    expect((await pruneHistory(db(), new Date(now.getTime() + 91 * DAY), 90)).events).toBe(1);
  });
});
