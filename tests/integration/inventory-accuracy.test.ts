import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkInventoryAccuracyAction } from "@/app/(ops)/ops/kpis/actions";
import { getDb } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { inventoryAccuracyOnSchedule } from "@/lib/monitor/inventory-accuracy/inventory-accuracy-schedule";
import { latestAccuracyRun } from "@/lib/monitor/inventory-accuracy/latest-accuracy-run";
import { checkInventoryAccuracy } from "@/lib/monitor/inventory-accuracy/run-inventory-accuracy";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { signedInAs } from "../support/staff-session";

// Only the session is faked (Auth.js reads it from a cookie a direct call does not have).
const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = () => getDb();
serveSystemsForThisFile();

afterEach(() => {
  session.current = null;
});

type Store = Awaited<ReturnType<typeof createStore>>;

/** A product stocked at the store whose storefront cache starts at what can be promised. */
async function stocked(store: Store, onHand: number, options: { listed?: boolean; safetyStock?: number } = {}) {
  const product = await createProduct(db(), store.id, { onHand, safetyStock: options.safetyStock });
  if (options.listed !== false) {
    await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: Math.max(0, onHand - (options.safetyStock ?? 0)) } });
  }
  return product;
}

async function order(store: Store, lines: { productId: string; quantity: number }[]) {
  const slot = await firstSlot(db(), store.id, new Date());
  return placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines }));
}

/** Checks the store's items only (other files share the database), counting even what just moved. */
const checkStore = (store: Store) => checkInventoryAccuracy(db(), { trigger: "manual", storeId: store.id, now: new Date(Date.now() + 1_000), graceSeconds: 0 });

const mismatchesOf = (runId: string) =>
  db().inventoryAccuracyMismatch.findMany({
    where: { runId },
    orderBy: { sku: "asc" },
    select: { storeCode: true, sku: true, kinds: true, onHand: true, allocated: true, safetyStock: true, reservedUnits: true, wmsHeldUnits: true, storefrontAvailable: true, availableToPromise: true },
  });

describe("inventory accuracy", () => {
  it("finds a store accurate once every system has heard of its orders, and leaves items still settling for later", async () => {
    const store = await createStore(db());
    const a = await stocked(store, 10);
    const b = await stocked(store, 10, { safetyStock: 2 });
    const c = await stocked(store, 6);
    await stocked(store, 0, { listed: false }); // nothing to promise, so no storefront row is right
    const pickedUp = await order(store, [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }]);
    const canceled = await order(store, [{ productId: b.id, quantity: 3 }, { productId: c.id, quantity: 1 }]);
    await order(store, [{ productId: a.id, quantity: 1 }, { productId: c.id, quantity: 2 }]);

    // Straight after the orders the ledger has moved and the WMS and storefront have not heard yet.
    const settling = await checkInventoryAccuracy(db(), { trigger: "manual", storeId: store.id });
    expect(settling).toMatchObject({ itemsChecked: 0, itemsMismatched: 0, accuracy: null });

    await drain();
    await recordPosEvent(db(), { orderId: pickedUp.orderId, type: "order.ready", associate: "A-1" });
    await drain();
    await recordPosEvent(db(), { orderId: pickedUp.orderId, type: "pickup.completed", associate: "A-1" });
    await cancelOrder(db(), { orderId: canceled.orderId, reason: "Changed my mind", origin: "STOREFRONT" });
    await drain();
    // Only held reservations are live: the picked-up order's were consumed, the canceled one's released.
    const statuses = await db().reservation.groupBy({ by: ["status"], where: { storeId: store.id }, _count: true });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({ CONSUMED: 2, RELEASED: 2, HELD: 2 });

    const result = await checkStore(store);
    expect(result).toMatchObject({ itemsChecked: 4, itemsMismatched: 0, accuracy: 1 });
    expect(await db().inventoryAccuracyRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({
      trigger: "manual",
      storeId: store.id,
      status: "done",
      itemsChecked: 4,
      itemsMismatched: 0,
      accuracy: 1,
      itemsByStore: { [store.code]: 4 },
    });
    expect(await mismatchesOf(result.runId)).toEqual([]);
  });

  it("records each source that drifted, with its figures, and the run's accuracy", async () => {
    const store = await createStore(db());
    const steady = await stocked(store, 10);
    const cached = await stocked(store, 10);
    const reserved = await stocked(store, 10);
    const lost = await stocked(store, 10);
    const unlisted = await stocked(store, 5, { listed: false });
    await stocked(store, 0, { listed: false });
    const placed = await order(store, [steady, cached, reserved, lost].map((product) => ({ productId: product.id, quantity: 2 })));
    await drain();

    // The storefront's cache gains a unit the ledger never had.
    await db().storefrontAvailability.update({ where: { storeCode_sku: { storeCode: store.code, sku: cached.sku } }, data: { available: { increment: 1 } } });
    // A reservation written without its allocation.
    await db().orderLine.create({
      data: {
        orderId: placed.orderId,
        productId: reserved.id,
        sku: reserved.sku,
        name: reserved.name,
        quantity: 1,
        unitPriceCents: reserved.priceCents,
        reservation: { create: { storeId: store.id, productId: reserved.id, quantity: 1, expiresAt: new Date(Date.now() + 86_400_000) } },
      },
    });
    // The WMS loses its allocation for one line.
    await db().wmsAllocation.deleteMany({ where: { orderId: placed.orderId, sku: lost.sku } });
    // The WMS holds, and the storefront offers, an item the store's ledger does not have.
    const ghost = `GHOST-${randomUUID().slice(0, 8)}`;
    await db().wmsAllocation.create({ data: { orderId: randomUUID(), orderNumber: 0, storeCode: store.code, sku: ghost, quantity: 1 } });
    await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: ghost, available: 3 } });

    const result = await checkStore(store);
    expect(result).toMatchObject({ itemsChecked: 7, itemsMismatched: 5 });
    expect(result.accuracy).toBeCloseTo(2 / 7);
    const figures = { storeCode: store.code, onHand: 10, allocated: 2, safetyStock: 0, reservedUnits: 2, wmsHeldUnits: 2, storefrontAvailable: 8, availableToPromise: 8 };
    const expected = [
      { ...figures, sku: cached.sku, kinds: ["storefront"], storefrontAvailable: 9 },
      { ...figures, sku: reserved.sku, kinds: ["reservations"], reservedUnits: 3 },
      { ...figures, sku: lost.sku, kinds: ["wms"], wmsHeldUnits: 0 },
      { ...figures, sku: unlisted.sku, kinds: ["storefront"], onHand: 5, allocated: 0, reservedUnits: 0, wmsHeldUnits: 0, storefrontAvailable: null, availableToPromise: 5 },
      { ...figures, sku: ghost, kinds: ["storefront", "wms"], onHand: 0, allocated: 0, reservedUnits: 0, wmsHeldUnits: 1, storefrontAvailable: 3, availableToPromise: 0 },
    ];
    const bySku = (rows: { sku: string }[]) => [...rows].sort((x, y) => x.sku.localeCompare(y.sku));
    expect(bySku(await mismatchesOf(result.runId))).toEqual(bySku(expected));

    // The KPI page's view of the store: its share of the latest run and its mismatches.
    const latest = await latestAccuracyRun(db(), { id: store.id, code: store.code });
    expect(latest).toMatchObject({ runId: result.runId, figures: { itemsChecked: 7, itemsMismatched: 5 } });
    expect(latest!.figures.accuracy).toBeCloseTo(2 / 7);
    expect(latest!.mismatches.map((row) => row.sku).sort()).toEqual(expected.map((row) => row.sku).sort());
    expect(latest!.mismatches.every((row) => row.storeCode === store.code)).toBe(true);
  });

  it("runs once per interval however many workers ask", async () => {
    const store = await createStore(db());
    await stocked(store, 4);
    const later = new Date(Date.now() + 10 * 60_000);
    await db().inventoryAccuracyRun.deleteMany({ where: { trigger: "scheduled" } });
    const started = await Promise.all([inventoryAccuracyOnSchedule(db(), later, { storeId: store.id }), inventoryAccuracyOnSchedule(db(), later, { storeId: store.id })]);
    expect(started.filter(Boolean)).toHaveLength(1);
    expect(await inventoryAccuracyOnSchedule(db(), later, { storeId: store.id })).toBe(false); // this interval's run has happened

    const runs = await db().inventoryAccuracyRun.findMany({ where: { trigger: "scheduled", storeId: store.id } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "done", itemsChecked: 1, itemsMismatched: 0, accuracy: 1 });
  });
});

describe("checking inventory accuracy on demand", () => {
  const users = {} as Record<Role, string>;
  beforeAll(async () => {
    for (const role of ["ASSOCIATE", "MANAGER"] as Role[]) {
      users[role] = (await db().user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@handoff.test`, name: role, passwordHash: "unused", role } })).id;
    }
  });
  const allStoreRuns = () => db().inventoryAccuracyRun.count({ where: { trigger: "manual", storeId: null } });

  it("refuses visitors and associates, and runs nothing for them", async () => {
    const before = await allStoreRuns();
    for (const current of [null, await signedInAs(users.ASSOCIATE)]) {
      session.current = current;
      expect(await checkInventoryAccuracyAction()).toEqual({ ok: false, message: "Only a manager or an admin can check inventory accuracy." });
    }
    expect(await allStoreRuns()).toBe(before);
  });

  it("checks every store for a manager and reports the result", async () => {
    session.current = await signedInAs(users.MANAGER);
    const result = await checkInventoryAccuracyAction();
    expect(result).toMatchObject({ ok: true });
    expect(result!.message).toMatch(/^Checked \d+ items?: (\d+ mismatched, accuracy \d+\.\d\d% \((meets|below) the 99\.8% target\)|nothing to compare yet)\.$/);
    const run = await db().inventoryAccuracyRun.findFirstOrThrow({ where: { trigger: "manual", storeId: null }, orderBy: { startedAt: "desc" } });
    expect(run.status).toBe("done");
  });
});
