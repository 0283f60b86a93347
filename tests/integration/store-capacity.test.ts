import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { pauseStoreAction, resumeStoreAction, setStoreCapsAction } from "@/app/(store)/store/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { routeOrder } from "@/lib/oms/routing/route-order";
import { findPickupStores } from "@/lib/oms/stores/find-pickup-stores";
import { resumeDueStores } from "@/lib/oms/stores/resume-store";
import { recentCapacityChanges } from "@/lib/oms/stores/recent-capacity-changes";
import { getDb } from "@/lib/platform/db/prisma";
import { loadStoreCapacityKpis } from "@/lib/monitor/kpis/store-capacity-kpis";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";
import { signedInAs } from "../support/staff-session";

// The session is the one thing faked (Auth.js reads it from the request's cookie).
const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({ auth: async () => session.current }));

// Routing and the store picker read every store within reach: this file has a database of its own.
ownDatabaseForThisFile("handoff_store_capacity");

const db = () => getDb();
let spot = 0;

/** Two stores side by side, each with the product in stock; shoppers near them. */
async function twoStores() {
  const latitude = 31 + (spot++ % 40) * 0.5;
  const place = async (name: string, offset: number) => {
    const store = await createStore(db());
    return db().store.update({ where: { id: store.id }, data: { name, latitude: latitude + offset, longitude: -97.7 } });
  };
  const a = await place("Riverside", 0);
  const b = await place("Cedar Park", 0.05);
  const product = await createProduct(db(), a.id, { onHand: 50 });
  await db().inventoryLevel.create({ data: { storeId: b.id, productId: product.id, onHand: 50 } });
  return { a, b, product, origin: { latitude, longitude: -97.7 } };
}

const order = async (storeId: string, productId: string, now = new Date()) =>
  placeOrder(db(), orderInput({ storeId, slotStartsAt: (await firstSlot(db(), storeId, now)).startsAt, lines: [{ productId, quantity: 1 }] }), now);

async function staff(role: Role, storeIds: string[]) {
  const user = await db().user.create({ data: { email: `s-${randomUUID()}@handoff.test`, name: `${role} ${spot}`, passwordHash: "unused", role, stores: { create: storeIds.map((storeId) => ({ storeId })) } } });
  session.current = await signedInAs(user.id);
  return user;
}

describe("a store manager pausing pickup orders", () => {
  it("shows the store as not taking orders, refuses orders there, routes channel orders elsewhere, and resumes; each change audited", async () => {
    const { a, b, product, origin } = await twoStores();
    const manager = await staff("STORE_MANAGER", [a.id]);
    expect(await pauseStoreAction({ storeCode: a.code, reason: "Staff shortage", minutes: 0 })).toEqual({ ok: true, message: "Riverside is not taking pickup orders until you resume." });

    const shown = await findPickupStores(db(), { origin, lines: [{ productId: product.id, quantity: 1 }], radiusMiles: 10, now: new Date() });
    expect(shown.map((store) => [store.name, store.takingOrders, store.notTakingOrders])).toEqual([
      ["Riverside", false, "paused: Staff shortage"],
      ["Cedar Park", true, null],
    ]);
    await expect(order(a.id, product.id)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE", message: "Riverside is not taking pickup orders right now. Choose another store." });
    expect(await db().order.count({ where: { storeId: a.id } })).toBe(0);
    const routed = await routeOrder(db(), { origin, requestedStore: (await db().store.findUniqueOrThrow({ where: { id: a.id }, include: { hours: true } })), lines: [{ productId: product.id, sku: product.sku, quantity: 1 }], pickupMethod: "IN_STORE", now: new Date() });
    expect(routed).toMatchObject({ kind: "store", storeId: b.id });
    expect(routed.candidates.find((candidate) => candidate.storeId === a.id)).toMatchObject({ eligible: false, why: "not taking pickup orders (paused: Staff shortage)" });

    expect(await resumeStoreAction({ storeCode: a.code })).toEqual({ ok: true, message: "Riverside is taking pickup orders again." });
    expect(await order(a.id, product.id)).toMatchObject({ alreadyPlaced: false });
    expect(await db().storeCapacityChange.findMany({ where: { storeId: a.id }, orderBy: { at: "asc" }, select: { action: true, by: true, reason: true } })).toEqual([
      { action: "PAUSED", by: manager.name, reason: "Staff shortage" },
      { action: "RESUMED", by: manager.name, reason: null },
    ]);
  });

  it("resumes by itself when the chosen time comes, and the audit says so", async () => {
    const { a, product } = await twoStores();
    await staff("STORE_MANAGER", [a.id]);
    await pauseStoreAction({ storeCode: a.code, reason: "Inventory count", minutes: 30 });
    await expect(order(a.id, product.id)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await order(a.id, product.id, later)).toMatchObject({ alreadyPlaced: false }); // the pause is over for shoppers at once
    expect(await resumeDueStores(db(), later)).toBe(1);
    expect(await db().store.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ pausedAt: null, pausedUntil: null });
    expect((await db().storeCapacityChange.findMany({ where: { storeId: a.id }, orderBy: { at: "asc" } })).map((change) => [change.action, change.by])).toEqual([
      ["PAUSED", expect.any(String)],
      ["RESUMED", "automatic"],
    ]);
  });

  it("is a store manager's own stores only; an associate cannot pause", async () => {
    const { a, b } = await twoStores();
    await staff("STORE_MANAGER", [a.id]);
    expect(await pauseStoreAction({ storeCode: b.code, reason: "Not mine", minutes: 0 })).toEqual({ ok: false, message: "That store is not one of yours." });
    await staff("ASSOCIATE", [a.id]);
    expect(await pauseStoreAction({ storeCode: a.code, reason: "Busy", minutes: 0 })).toEqual({ ok: false, message: "Only a store manager can pause pickup orders or set caps." });
    expect(await db().store.count({ where: { id: { in: [a.id, b.id] }, pausedAt: { not: null } } })).toBe(0);
  });
});

describe("a store's order caps", () => {
  it("hold exactly under concurrent checkouts: a capped store's last places go to as many orders as it has left", async () => {
    const { a, product } = await twoStores();
    await db().store.update({ where: { id: a.id }, data: { dailyOrderCap: 3, concurrentOrderCap: 5 } });
    const slot = await firstSlot(db(), a.id, new Date());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => placeOrder(db(), orderInput({ storeId: a.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => (outcome as PromiseRejectedResult).reason.code)).toEqual(Array(5).fill("STORE_UNAVAILABLE"));
    expect(await db().order.count({ where: { storeId: a.id } })).toBe(3);
  });

  it("stops taking orders for the day at its daily cap, and takes them again the next day", async () => {
    const { a, product } = await twoStores();
    await staff("STORE_MANAGER", [a.id]);
    expect(await setStoreCapsAction({ storeCode: a.code, dailyOrderCap: "2", concurrentOrderCap: "", startTargetMinutes: "5" })).toEqual({ ok: true, message: "Limits saved for Riverside: caps and start target." });
    // Audited with who saved what, start target included.
    expect((await recentCapacityChanges(db(), a.id))[0]).toMatchObject({ action: "CAPS_SET", dailyOrderCap: 2, concurrentOrderCap: null, startTargetMinutes: 5 });
    await order(a.id, product.id);
    await order(a.id, product.id);
    await expect(order(a.id, product.id)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await order(a.id, product.id, tomorrow)).toMatchObject({ alreadyPlaced: false });
  });

  it("takes no more than its cap of orders in hand at once, and takes the next when one closes", async () => {
    const { a, product, origin } = await twoStores();
    await staff("STORE_MANAGER", [a.id]);
    await setStoreCapsAction({ storeCode: a.code, dailyOrderCap: null, concurrentOrderCap: 1 });
    const first = await order(a.id, product.id);
    await expect(order(a.id, product.id)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    const shown = await findPickupStores(db(), { origin, lines: [{ productId: product.id, quantity: 1 }], radiusMiles: 10, now: new Date() });
    expect(shown.find((store) => store.id === a.id)).toMatchObject({ takingOrders: false, notTakingOrders: "has 1 orders in hand (its cap is 1)" });
    await cancelOrder(db(), { orderId: first.orderId, reason: "test", origin: "STOREFRONT" });
    expect(await order(a.id, product.id)).toMatchObject({ alreadyPlaced: false });
  });

  it("refuses a cap that is not a whole number of at least 1, and changes nothing", async () => {
    const { a } = await twoStores();
    await staff("STORE_MANAGER", [a.id]);
    expect(await setStoreCapsAction({ storeCode: a.code, dailyOrderCap: "0", concurrentOrderCap: "" })).toEqual({ ok: false, message: "A cap is at least 1 order (leave it empty for none)." });
    expect(await setStoreCapsAction({ storeCode: a.code, dailyOrderCap: "2.5", concurrentOrderCap: "" })).toEqual({ ok: false, message: "Give a whole number." });
    expect(await db().store.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ dailyOrderCap: null, concurrentOrderCap: null });
    expect(await db().storeCapacityChange.count({ where: { storeId: a.id } })).toBe(0);
  });
});

describe("the KPIs of stores not taking orders", () => {
  it("count each store's pauses, how long they lasted, its cap changes and its caps now", async () => {
    const { a } = await twoStores();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await db().storeCapacityChange.createMany({
      data: [
        { storeId: a.id, action: "PAUSED", by: "Jamie", reason: "Staff shortage", at: at(120) },
        { storeId: a.id, action: "RESUMED", by: "Jamie", at: at(90) },
        { storeId: a.id, action: "PAUSED", by: "Jamie", reason: "Count", at: at(30) },
        { storeId: a.id, action: "RESUMED", by: "automatic", at: at(10) },
        { storeId: a.id, action: "CAPS_SET", by: "Jamie", dailyOrderCap: 40, at: at(5) },
      ],
    });
    await db().store.update({ where: { id: a.id }, data: { dailyOrderCap: 40 } });
    const rows = await loadStoreCapacityKpis(db(), { from: at(24 * 60), to: new Date() });
    expect(rows.find((row) => row.code === a.code)).toEqual({ code: a.code, name: "Riverside", pauses: 2, pausedMinutes: 50, capChanges: 1, dailyOrderCap: 40, concurrentOrderCap: null });
  });
});
