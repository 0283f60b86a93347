import { describe, expect, it } from "vitest";
import { findStuckOrders } from "@/lib/monitor/cascade/stuck-orders";
import { nodeHealth } from "@/lib/monitor/cascade/node-health";
import { runReconciliation } from "@/lib/monitor/cascade/reconcile";
import { loadKpis } from "@/lib/monitor/kpis/store-kpis";
import { createDb } from "@/lib/platform/db/prisma";
import { HISTORY_DAYS } from "@/prisma/demo/seed-history";
import { seedDemoData } from "@/prisma/demo/seed-demo";
import { scratchDatabase } from "../support/scratch-database";

// A database of its own: the demo writes history for every store it finds.

describe("the demo's order history", () => {
  it("gives a fresh demo a month of finished orders that every system agrees on, but for a few broken chains", { timeout: 120_000 }, async () => {
    const scratch = await scratchDatabase("demo_history");
    const db = createDb(scratch.url);
    try {
      expect(await seedDemoData(db)).toBe(true);
      const now = new Date();
      const orders = await db.order.findMany({ select: { status: true, placedAt: true, readyAt: true, storeId: true } });
      expect(orders.length).toBeGreaterThan(1_000);
      const days = new Set(orders.map((order) => order.placedAt.toISOString().slice(0, 10)));
      expect(days.size).toBeGreaterThanOrEqual(HISTORY_DAYS - 1);
      expect(new Set(orders.map((order) => order.status))).toEqual(new Set(["PICKED_UP", "CANCELED", "NO_SHOW"]));
      expect(await db.orderLine.count({ where: { shortQuantity: { gt: 0 } } })).toBeGreaterThan(0);

      // The KPIs have something to say: most orders ready on time, some late.
      const kpis = await loadKpis(db, { from: new Date(now.getTime() - 30 * 86_400_000), to: now });
      expect(kpis.ordersPlaced).toBeGreaterThan(900);
      expect(kpis.pickToReady.adherence).toBeGreaterThan(0.75);
      expect(kpis.pickToReady.adherence).toBeLessThan(0.99);
      expect(kpis.pickupConversion.noShows).toBeGreaterThan(0);
      expect(kpis.deliveryErrorRate.map((row) => row.system).sort()).toEqual(["NOTIFICATION", "OMS", "POS", "STOREFRONT", "WMS"]);
      expect((await nodeHealth(db, now)).find((node) => node.id === "placement")!.last24h.delivered).toBeGreaterThan(0);

      // Every system agrees on every order, except where the demo broke a chain on purpose: those are stuck at their node.
      const broken = await db.chainStep.findMany({ where: { status: "DEAD_LETTERED" }, select: { orderId: true, chain: true, stepNumber: true } });
      expect(broken.length).toBeGreaterThan(0);
      expect(broken.every((step) => (step.chain === "CANCELLATION" && step.stepNumber === 4) || (step.chain === "PICKUP" && step.stepNumber === 5))).toBe(true);
      const stuck = await findStuckOrders(db, now, 1_000);
      expect(stuck.map((order) => order.failure.node.id).sort()).toEqual(broken.map((step) => (step.chain === "CANCELLATION" ? "cancellation-1" : "pickup-4")).sort());
      const run = await db.reconciliationRun.create({ data: { trigger: "manual" } });
      await runReconciliation(db, run.id, { trigger: "manual", now, resync: false });
      const mismatches = await db.reconciliationMismatch.findMany({ where: { runId: run.id }, select: { orderId: true, system: true } });
      const brokenOrders = new Set(broken.map((step) => step.orderId));
      expect(mismatches.every((mismatch) => brokenOrders.has(mismatch.orderId) && mismatch.system === "STOREFRONT")).toBe(true);
      // Reconciliation looks at the last day's closed orders: it finds exactly the broken ones among them.
      const recentBroken = await db.order.count({ where: { id: { in: [...brokenOrders] }, updatedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } } });
      expect(new Set(mismatches.map((mismatch) => mismatch.orderId)).size).toBe(recentBroken);
      expect((await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } })).checked).toBeGreaterThan(20);
    } finally {
      await db.$disconnect();
      await scratch.drop();
    }
  });
});
