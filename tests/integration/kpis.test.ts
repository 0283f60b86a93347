import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { loadKpiTrend } from "@/lib/monitor/kpis/kpi-trend";
import { loadStoreComparison } from "@/lib/monitor/kpis/store-comparison";
import { loadKpis } from "@/lib/monitor/kpis/store-kpis";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";

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

  it("charts orders and SLA adherence per day in the store's time zone, and compares stores side by side", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 20 });
    const slot = await firstSlot(db(), store.id, new Date());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))).orderId);
    await drain();
    // A: ready in 10 minutes (on target); B: placed at 23:30 Chicago time, ready in 20 (late); C: not ready.
    const at = (iso: string) => new Date(iso);
    const history = [
      { placedAt: at("2026-02-09T15:00:00Z"), readyAt: at("2026-02-09T15:10:00Z") },
      { placedAt: at("2026-02-10T05:30:00Z"), readyAt: at("2026-02-10T05:50:00Z") },
      { placedAt: at("2026-02-10T16:00:00Z"), readyAt: null },
    ];
    for (const [index, orderId] of ids.entries()) {
      const { placedAt, readyAt } = history[index]!;
      await db().order.update({ where: { id: orderId }, data: { placedAt, readyAt } });
      await db().posOrderTask.update({ where: { orderId }, data: { pickTargetAt: new Date(placedAt.getTime() + 15 * 60_000) } });
    }
    const period = { from: at("2026-02-09T06:00:00Z"), to: at("2026-02-11T06:00:00Z") };

    const chicago = await loadKpiTrend(db(), { ...period, unit: "day", timeZone: "America/Chicago", storeId: store.id });
    expect(chicago).toEqual([
      { start: "2026-02-09T00:00", ordersPlaced: 2, readied: 2, slaAdherence: 0.5 },
      { start: "2026-02-10T00:00", ordersPlaced: 1, readied: 0, slaAdherence: null },
    ]);
    const utc = await loadKpiTrend(db(), { ...period, unit: "day", timeZone: "UTC", storeId: store.id });
    expect(utc.map((point) => [point.start, point.ordersPlaced, point.slaAdherence])).toEqual([
      ["2026-02-09T00:00", 1, 1],
      ["2026-02-10T00:00", 2, 0],
      ["2026-02-11T00:00", 0, null],
    ]);
    const hourly = await loadKpiTrend(db(), { ...period, unit: "hour", timeZone: "UTC", storeId: store.id });
    expect(hourly).toHaveLength(48);
    expect(hourly.filter((point) => point.ordersPlaced > 0).map((point) => point.start)).toEqual(["2026-02-09T15:00", "2026-02-10T05:00", "2026-02-10T16:00"]);

    const comparison = await loadStoreComparison(db(), period);
    expect(comparison.find((row) => row.code === store.code)).toEqual({
      code: store.code,
      name: store.name,
      ordersPlaced: 3,
      pickToReadyP90Minutes: 19,
      slaAdherence: 0.5,
      pickupConversion: null,
    });
  });
});
