import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { expireNoShows, sendPickupReminders } from "@/lib/oms/orders/no-show";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { chainSteps, drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";
import { stockOf } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

async function readyOrder() {
  const placed = await placedOrder(2);
  await drain();
  await recordPosEvent(db(), { orderId: placed.orderId, type: "order.ready", associate: "A-1" });
  await drain();
  const { holdUntil } = await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { holdUntil: true } });
  return { ...placed, holdUntil: holdUntil! };
}

describe("the no-show chain", () => {
  it("reminds once before the hold ends, then closes the order, restocks and offers ship-to-home", async () => {
    const { orderId, store, product, holdUntil } = await readyOrder();
    expect(await sendPickupReminders(db(), new Date(holdUntil.getTime() - 30 * 3_600_000), { storeId: store.id })).toBe(0); // not yet due

    const reminderTime = new Date(holdUntil.getTime() - 23 * 3_600_000);
    await sendPickupReminders(db(), reminderTime, { storeId: store.id });
    await sendPickupReminders(db(), new Date(reminderTime.getTime() + 60_000), { storeId: store.id });
    await drain();
    // Once: one email and one text, however many sweeps ran.
    const reminders = await db().notificationMessage.findMany({ where: { orderId, kind: "pickup_reminder" }, select: { channel: true }, orderBy: { channel: "asc" } });
    expect(reminders.map((message) => message.channel)).toEqual(["email", "sms"]);
    expect((await chainSteps(orderId, "NO_SHOW")).map((s) => [s.stepNumber, s.status])).toEqual([[1, "DELIVERED"]]);

    expect(await expireNoShows(db(), new Date(holdUntil.getTime() - 60_000), { storeId: store.id })).toBe(0); // the hold has not ended
    await expireNoShows(db(), new Date(holdUntil.getTime() + 60_000), { storeId: store.id });
    await drain();

    expect((await chainSteps(orderId, "NO_SHOW")).map((s) => [s.stepNumber, s.sourceSystem, s.targetSystem, s.status])).toEqual([
      [1, "OMS", "NOTIFICATION", "DELIVERED"],
      [2, "OMS", "OMS", "DELIVERED"],
      [3, "OMS", "WMS", "DELIVERED"],
      [4, "WMS", "STOREFRONT", "DELIVERED"],
      [5, "OMS", "STOREFRONT", "DELIVERED"],
      [6, "OMS", "NOTIFICATION", "DELIVERED"],
    ]);
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { payment: true } });
    expect(order).toMatchObject({ status: "NO_SHOW", payment: { status: "VOIDED" } });
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    expect(await db().wmsAllocation.findMany({ where: { orderId }, select: { status: true } })).toEqual([{ status: "RELEASED" }]);
    expect(await db().storefrontAvailability.findUnique({ where: { storeCode_sku: { storeCode: store.code, sku: product.sku } } })).toMatchObject({ available: 10 });
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "no_show" });
    expect(await db().notificationMessage.findFirst({ where: { orderId, kind: "no_show" } })).toMatchObject({ subject: expect.stringContaining("ship it to you instead?") });
  });

  it("leaves an order that was picked up in time alone", async () => {
    const { orderId, holdUntil, store } = await readyOrder();
    await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1" });
    await drain();
    await expireNoShows(db(), new Date(holdUntil.getTime() + 60_000), { storeId: store.id });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PICKED_UP" });
    expect(await chainSteps(orderId, "NO_SHOW")).toEqual([]);
  });
});
