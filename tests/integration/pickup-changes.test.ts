import { describe, expect, it } from "vitest";
import { EVENT } from "@/lib/bus/event-names";
import { extendHold } from "@/lib/oms/orders/extend-hold";
import { nameCollector } from "@/lib/oms/orders/name-collector";
import { saveRetailerSettings } from "@/lib/oms/retailer-settings";
import { getDb } from "@/lib/platform/db/prisma";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";
import { extendHoldAction, nameCollectorAction } from "@/app/(shop)/orders/[token]/actions";
import { drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// The hold's limit is the retailer's one setting row: this file has a database of its own.
ownDatabaseForThisFile("handoff_pickup_changes");
serveSystemsForThisFile();

const db = () => getDb();
const HOUR = 3_600_000;

async function readyOrder() {
  const placed = await placedOrder(1);
  await drain();
  await recordPosEvent(db(), { orderId: placed.orderId, type: EVENT.orderReady, associate: "A-1" });
  await drain();
  const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId } });
  return { ...placed, accessToken: order.accessToken, holdUntil: order.holdUntil! };
}

describe("the shopper's hold extension", () => {
  it("holds the order 48 hours longer, once: the no-show check, the reservations, the store's tablet and the shopper follow", async () => {
    const { orderId, accessToken, holdUntil } = await readyOrder();
    const { holdUntil: extended } = await extendHold(db(), accessToken);
    expect(extended.getTime()).toBe(holdUntil.getTime() + 48 * HOUR);
    await drain();

    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ holdUntil: extended, holdExtendedAt: expect.any(Date), reminderSentAt: null });
    expect((await db().reservation.findMany({ where: { orderLine: { orderId } } })).map((reservation) => reservation.expiresAt)).toEqual([extended]);
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ holdUntil: extended });
    expect(await db().notificationMessage.findFirstOrThrow({ where: { orderId, kind: { startsWith: "pickup_updated:" } } })).toMatchObject({ subject: expect.stringContaining("we'll hold it until") });
    // Once: the page no longer offers it, and a second try is refused with why.
    expect((await getOrderViewByToken(db(), accessToken))!).toMatchObject({ holdExtended: true, holdExtensionHours: 0 });
    expect(await extendHoldAction(accessToken)).toEqual({ ok: false, message: "The hold was already extended once." });
  });

  it("holds it as much longer as the shopper chooses, up to the retailer's limit, and refuses more or nonsense", async () => {
    const { orderId, accessToken, holdUntil } = await readyOrder();
    expect(await extendHoldAction(accessToken, 72)).toEqual({ ok: false, message: "This store holds an order at most 2 days longer." });
    for (const hours of [0, -24, 1.5, "a day", 10 ** 12]) {
      expect(await extendHoldAction(accessToken, hours)).toEqual({ ok: false, message: "Choose how much longer to hold it." });
    }
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).holdExtendedAt).toBeNull();
    expect(await extendHoldAction(accessToken, 24)).toEqual({ ok: true, message: "Your hold is extended by 1 day. We emailed you the new time." });
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).holdUntil!.getTime()).toBe(holdUntil.getTime() + 24 * HOUR);
  });

  it("extends once when the shopper taps twice at once", async () => {
    const { orderId, accessToken, holdUntil } = await readyOrder();
    const results = await Promise.allSettled([extendHold(db(), accessToken), extendHold(db(), accessToken)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).holdUntil!.getTime()).toBe(holdUntil.getTime() + 48 * HOUR);
  });

  it("is refused when the retailer allows none, or the order is closed", async () => {
    const { orderId, accessToken } = await readyOrder();
    await saveRetailerSettings(db(), { rerouteMode: "ASK", rerouteOfferMinutes: 30, holdExtensionHours: 0, checkoutHoldMinutes: 15, rerouteLateOrders: false }, "test");
    expect(await extendHoldAction(accessToken)).toEqual({ ok: false, message: "This store cannot hold orders longer." });
    expect((await getOrderViewByToken(db(), accessToken))!.holdExtensionHours).toBe(0);
    await saveRetailerSettings(db(), { rerouteMode: "ASK", rerouteOfferMinutes: 30, holdExtensionHours: 48, checkoutHoldMinutes: 15, rerouteLateOrders: false }, "test");
    await recordPosEvent(db(), { orderId, type: EVENT.pickupCompleted, associate: "A-1", data: { verifiedBy: "pickup_code" } });
    await drain();
    expect(await extendHoldAction(accessToken)).toEqual({ ok: false, message: "This order is no longer held." });
  });
});

describe("someone else picking up", () => {
  it("names who may collect it: the store's tablet shows them, the shopper is told, and the code is still asked for", async () => {
    const { orderId, accessToken } = await readyOrder();
    expect(await nameCollectorAction(accessToken, "  Jordan Lee ")).toEqual({ ok: true, message: "Jordan Lee may pick it up. Give them your pickup code." });
    await drain();
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ collectorName: "Jordan Lee", status: "ready" });
    expect((await getOrderViewByToken(db(), accessToken))!.collectorName).toBe("Jordan Lee");
    expect(await db().notificationMessage.findFirstOrThrow({ where: { orderId, kind: { startsWith: "pickup_updated:" } } })).toMatchObject({ subject: expect.stringContaining("Jordan Lee may pick it up") });
    // A changed mind: the latest name wins.
    await nameCollector(db(), accessToken, "Sam Rivera");
    await drain();
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ collectorName: "Sam Rivera" });
  });

  it("refuses a name that is empty, too long or not text, and changes nothing", async () => {
    const { orderId, accessToken } = await readyOrder();
    expect(await nameCollectorAction(accessToken, " ")).toMatchObject({ ok: false, message: "Give the name of the person who will pick up." });
    expect(await nameCollectorAction(accessToken, "x".repeat(81))).toMatchObject({ ok: false, message: "Keep the name to 80 characters." });
    expect(await nameCollectorAction(accessToken, { name: "Jordan" } as unknown as string)).toMatchObject({ ok: false });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ collectorName: null });
  });
});
