import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { mergeDeliveredStepBuckets, nodeHealth } from "@/lib/monitor/cascade/node-health";
import { startChain } from "@/lib/bus/start-chain";
import { getDb, type Tx } from "@/lib/platform/db/prisma";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { placeOrder } from "@/lib/oms/orders/place-order";

const db = () => getDb();
serveSystemsForThisFile();

describe("per-node health on the overview", () => {
  it("counts each node's steps by outcome, with the failure rate and the hourly trend", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 50 });
    const slot = await firstSlot(db(), store.id, new Date());
    const place = () => placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }));

    // Four orders picked up cleanly; one of them reached the storefront late.
    const picked = [await place(), await place(), await place(), await place()];
    await drain();
    for (const { orderId } of picked) await recordPosEvent(db(), { orderId, type: "order.ready", associate: "A-1" });
    await drain();
    for (const { orderId } of picked) await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1" });
    await drain();
    const lateStep = await db().chainStep.findFirstOrThrow({ where: { orderId: picked[0]!.orderId, chain: "PICKUP", stepNumber: 5 } });
    await db().chainStep.update({ where: { id: lateStep.id }, data: { arrivedAt: new Date(lateStep.expectedBy.getTime() + 60_000) } });

    // One pickup that never left the POS (node 1): the crossing is paused.
    const stuckAtPos = await place();
    await drain();
    await recordPosEvent(db(), { orderId: stuckAtPos.orderId, type: "order.ready", associate: "A-1" });
    await drain();
    const pause = await db().faultRule.create({ data: { source: "POS", target: "OMS", eventType: "pickup.completed", kind: "PAUSE", storeCode: store.code } });
    await recordPosEvent(db(), { orderId: stuckAtPos.orderId, type: "pickup.completed", associate: "A-1" });
    await drain();

    // Two cancellations whose storefront update was refused (seed 001's node 1).
    const rule = await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "WRONG_TYPE", storeCode: store.code } });
    for (const { orderId } of [await place(), await place()]) {
      await drain();
      await cancelOrder(db(), { orderId, reason: "test", origin: "OMS" });
    }
    await drain();
    await db().faultRule.delete({ where: { id: rule.id } });

    const later = new Date(Date.now() + 10 * 60_000); // every deadline has passed
    const health = new Map((await nodeHealth(db(), later, { storeId: store.id })).map((node) => [node.id, node]));
    expect(health.get("pickup-4")!.last24h).toMatchObject({ delivered: 3, late: 1, rejected: 0, failureRate: 0.25 });
    expect(health.get("pickup-3")!.last24h).toMatchObject({ delivered: 4, late: 0, failureRate: 0 });
    expect(health.get("cancellation-1")!.last24h).toMatchObject({ delivered: 0, rejected: 2, failureRate: 1 });
    expect(health.get("cancellation-1")!.red).toBe(true);
    expect(health.get("pickup-3")!.red).toBe(false);
    expect(health.get("placement")!.last24h).toMatchObject({ delivered: 7 * 4, late: 0 });
    expect(health.get("cancellation-1")!.trend.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(health.get("pickup-1")!.last24h).toMatchObject({ delivered: 0, late: 1 });
    expect(health.get("pickup-2")!.last24h).toMatchObject({ delivered: 4, late: 0 });
    await db().faultRule.delete({ where: { id: pause.id } });

    // The delivered-step buckets the overview reads match the steps themselves, after
    // inserts, deliveries, a moved arrival (the late step above) and a deletion.
    await db().chainStep.delete({ where: { id: (await db().chainStep.findFirstOrThrow({ where: { orderId: picked[1]!.orderId, chain: "PICKUP", stepNumber: 6 } })).id } });
    const counted = async () => {
      const buckets = await db().deliveredStepBucket.groupBy({ by: ["chain", "stepNumber", "late"], where: { storeId: store.id }, _sum: { count: true } });
      const fromBuckets = buckets.filter((row) => row._sum.count).map((row) => `${row.chain}:${row.stepNumber}:${row.late}=${row._sum.count}`);
      const steps = await db().chainStep.findMany({ where: { order: { storeId: store.id }, status: "DELIVERED" }, select: { chain: true, stepNumber: true, arrivedAt: true, expectedBy: true } });
      const fromSteps = new Map<string, number>();
      for (const step of steps) {
        const key = `${step.chain}:${step.stepNumber}:${step.arrivedAt! > step.expectedBy}`;
        fromSteps.set(key, (fromSteps.get(key) ?? 0) + 1);
      }
      return { fromBuckets: fromBuckets.sort(), fromSteps: [...fromSteps].map(([key, count]) => `${key}=${count}`).sort() };
    };
    const { fromBuckets, fromSteps } = await counted();
    expect(fromBuckets).toEqual(fromSteps);
    expect(fromBuckets).toContain("PICKUP:5:true=1");
    expect(fromBuckets).toContain("PICKUP:6:false=3");
  });

  it("merges a past bucket's rows into one per store and node, keeping every count, and leaves the current bucket to fill", async () => {
    const storeId = randomUUID();
    const now = new Date();
    const current = new Date(Math.floor(now.getTime() / 300_000) * 300_000);
    const past = new Date(current.getTime() - 10 * 60_000);
    const row = (bucket: Date, stepNumber: number, count: number) => ({ bucket, storeId, chain: "PICKUP" as const, stepNumber, sourceSystem: "OMS" as const, late: false, count });
    // What separate statements appended: counts, and a step moved away again (+1, -1).
    await db().deliveredStepBucket.createMany({ data: [row(past, 2, 2), row(past, 2, 3), row(past, 2, -1), row(past, 3, 1), row(past, 3, -1), row(current, 2, 1), row(current, 2, 1)] });

    await mergeDeliveredStepBuckets(db(), now);
    await mergeDeliveredStepBuckets(db(), now); // a second pass finds nothing more to merge

    const rows = await db().deliveredStepBucket.findMany({ where: { storeId }, orderBy: [{ bucket: "asc" }, { stepNumber: "asc" }] });
    expect(rows.map((r) => [r.bucket.getTime() === past.getTime() ? "past" : "current", r.stepNumber, r.count])).toEqual([
      ["past", 2, 4],
      ["current", 2, 1],
      ["current", 2, 1],
    ]);
  });

  it("lets two transactions deliver steps at two stores in opposite orders without waiting on each other's counts", async () => {
    const twoOrdersAtNewStore = async () => {
      const store = await createStore(db());
      const product = await createProduct(db(), store.id, { onHand: 5 });
      const slot = await firstSlot(db(), store.id, new Date());
      const place = async () => (await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))).orderId;
      return [await place(), await place()] as const;
    };
    const [a1, a2] = await twoOrdersAtNewStore();
    const [b1, b2] = await twoOrdersAtNewStore();
    const at = new Date();
    const deliver = (tx: Tx, orderId: string) => startChain(tx, { orderId, chain: "PICKUP", at, arrived: ["pickup-recorded", "P2", "pickup-closed"] });
    // The first counts a step at store A, the second one at store B; then each counts one at the other's store.
    let firstCounted!: () => void;
    let secondCounted!: () => void;
    const first = new Promise<void>((resolve) => (firstCounted = resolve));
    const second = new Promise<void>((resolve) => (secondCounted = resolve));
    const results = await Promise.allSettled([
      db().$transaction(async (tx) => {
        await deliver(tx, a1);
        firstCounted();
        await second;
        await deliver(tx, b1);
      }),
      db().$transaction(async (tx) => {
        await first;
        await deliver(tx, b2);
        secondCounted();
        await deliver(tx, a2);
      }),
    ]);
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : "committed"))).toEqual(["committed", "committed"]);
  });
});
