import { describe, expect, it } from "vitest";
import { busOverview } from "@/lib/bus/bus-overview";
import { DROPPED_ERROR } from "@/lib/bus/dispatcher";
import { replayDeliveries } from "@/lib/bus/replay";
import { auditOrders } from "@/lib/monitor/cascade/audit";
import { nodeHealth } from "@/lib/monitor/cascade/node-health";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { findStuckOrders } from "@/lib/monitor/cascade/stuck-orders";
import { getDb } from "@/lib/platform/db/prisma";
import type { Chain, FaultKind, SystemName } from "@/lib/generated/prisma/enums";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { chainSteps, drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";

const db = () => getDb();
serveSystemsForThisFile();

type Scenario = "pickup" | "cancel-online" | "cancel-at-pos";
type NodeCase = {
  node: string;
  rule: { source: SystemName; target: SystemName; eventType: string; kind: FaultKind };
  scenario: Scenario;
  chain: Chain;
  /** The step the seeds say stays undelivered, and how it shows. */
  broken: { step: number; status: "PENDING" | "REJECTED" | "FAILED" | "DEAD_LETTERED"; attempts?: number };
  /** Steps downstream of the break on the same path: they never happen either. */
  blocked: number[];
  /** The failure node the cascade view names for it. */
  named: string;
};

// Seed 000's six pickup nodes (P1 and P2 are both the POS → OMS crossing: nothing sent vs sent
// and not applied) and seed 001's cancellation nodes C1–C3, plus C4 (OMS → WMS release).
const NODES: NodeCase[] = [
  { node: "P1", rule: { source: "POS", target: "OMS", eventType: "pickup.completed", kind: "PAUSE" }, scenario: "pickup", chain: "PICKUP", broken: { step: 2, status: "PENDING", attempts: 0 }, blocked: [3, 4, 5, 6, 7], named: "pickup-1" },
  { node: "P2", rule: { source: "POS", target: "OMS", eventType: "pickup.completed", kind: "WRONG_TYPE" }, scenario: "pickup", chain: "PICKUP", broken: { step: 2, status: "REJECTED" }, blocked: [3, 4, 5, 6, 7], named: "pickup-2" },
  { node: "P3", rule: { source: "OMS", target: "WMS", eventType: "order.picked_up", kind: "DROP" }, scenario: "pickup", chain: "PICKUP", broken: { step: 4, status: "DEAD_LETTERED" }, blocked: [7], named: "pickup-3" },
  { node: "P4", rule: { source: "OMS", target: "STOREFRONT", eventType: "order.picked_up", kind: "DROP" }, scenario: "pickup", chain: "PICKUP", broken: { step: 5, status: "DEAD_LETTERED" }, blocked: [], named: "pickup-4" },
  { node: "P5", rule: { source: "OMS", target: "NOTIFICATION", eventType: "order.picked_up", kind: "HTTP_500" }, scenario: "pickup", chain: "PICKUP", broken: { step: 6, status: "FAILED" }, blocked: [], named: "pickup-5" },
  { node: "P6", rule: { source: "WMS", target: "STOREFRONT", eventType: "inventory.consumed", kind: "DROP" }, scenario: "pickup", chain: "PICKUP", broken: { step: 7, status: "DEAD_LETTERED" }, blocked: [], named: "pickup-6" },
  { node: "C1", rule: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP" }, scenario: "cancel-online", chain: "CANCELLATION", broken: { step: 4, status: "DEAD_LETTERED" }, blocked: [], named: "cancellation-1" },
  { node: "C2", rule: { source: "WMS", target: "STOREFRONT", eventType: "inventory.released", kind: "DROP" }, scenario: "cancel-online", chain: "CANCELLATION", broken: { step: 3, status: "DEAD_LETTERED" }, blocked: [], named: "cancellation-2" },
  { node: "C3", rule: { source: "POS", target: "OMS", eventType: "order.canceled", kind: "CORRUPT" }, scenario: "cancel-at-pos", chain: "CANCELLATION", broken: { step: 1, status: "REJECTED" }, blocked: [2, 3, 4, 5], named: "cancellation-3" },
  { node: "C4", rule: { source: "OMS", target: "WMS", eventType: "order.canceled", kind: "DROP" }, scenario: "cancel-online", chain: "CANCELLATION", broken: { step: 2, status: "DEAD_LETTERED" }, blocked: [3], named: "cancellation-4" },
];

async function runScenario(scenario: Scenario, orderId: string) {
  if (scenario === "pickup") {
    await recordPosEvent(db(), { orderId, type: "order.ready", associate: "A-1" });
    await drain();
    await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1", data: { verifiedBy: "pickup_code" } });
  } else if (scenario === "cancel-online") {
    await cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" });
  } else {
    await recordPosEvent(db(), { orderId, type: "order.canceled", associate: "A-1", data: { reason: "Damaged" } });
  }
  await drain();
}

/** Lets every waiting retry of the order come due now, as if its backoff had passed. */
const fastForward = (orderId: string) => db().delivery.updateMany({ where: { orderId, status: "PENDING" }, data: { nextAttemptAt: new Date() } });

describe.each(NODES)("fault injected at node $node", ({ node, rule, scenario, chain, broken, blocked, named }) => {
  it(`breaks the ${chain.toLowerCase()} chain exactly at step ${broken.step}, and clearing it plus a replay heals it`, async () => {
    const { orderId, store } = await placedOrder(1);
    await drain();
    const fault = await db().faultRule.create({ data: { ...rule, storeCode: store.code, note: `reproduce ${node}` } });

    await runScenario(scenario, orderId);

    const steps = await chainSteps(orderId, chain);
    const brokenStep = steps.find((s) => s.stepNumber === broken.step)!;
    expect(brokenStep.status).toBe(broken.status);
    if (broken.attempts !== undefined) {
      const delivery = await db().delivery.findFirstOrThrow({ where: { orderId, chain, stepNumber: broken.step } });
      expect(delivery).toMatchObject({ attempts: broken.attempts, injectedFault: rule.kind });
    }
    for (const step of steps) {
      if (step.stepNumber === broken.step) continue;
      expect([step.stepNumber, step.status]).toEqual([step.stepNumber, blocked.includes(step.stepNumber) ? "PENDING" : "DELIVERED"]);
    }

    // A refused or dead-lettered delivery is a failure at once; silence only once the deadlines have passed.
    const { number } = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
    const failsAtOnce = broken.status === "REJECTED" || broken.status === "DEAD_LETTERED";
    expect((await loadOrderCascade(db(), number))?.failure?.node.id ?? null).toBe(failsAtOnce ? named : null);
    const later = new Date(Date.now() + 10 * 60_000);
    expect((await loadOrderCascade(db(), number, later))?.failure).toMatchObject({ node: { id: named }, chain, stepNumber: broken.step });
    expect((await findStuckOrders(db(), later, 10_000)).find((stuck) => stuck.orderNumber === number)?.failure.node.id).toBe(named);

    await db().faultRule.delete({ where: { id: fault.id } });
    await replayDeliveries(db(), { orderId });
    await fastForward(orderId);
    await drain();
    expect((await chainSteps(orderId, chain)).map((s) => [s.stepNumber, s.status])).toEqual(steps.map((s) => [s.stepNumber, "DELIVERED"]));
    expect((await loadOrderCascade(db(), number, later))?.failure).toBeNull();
  });
});

describe("what each broken node looks like to the other systems", () => {
  it("P4: the OMS closed the order while the storefront still says ready for pickup", async () => {
    const { orderId, store } = await placedOrder(1);
    await drain();
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.picked_up", kind: "DROP", storeCode: store.code } });
    await runScenario("pickup", orderId);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PICKED_UP" });
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "ready" });
    expect(await db().wmsAllocation.findFirstOrThrow({ where: { orderId } })).toMatchObject({ status: "CONSUMED" });
  });

  it("C1: the OMS canceled it while the storefront still shows it active", async () => {
    const { orderId, store } = await placedOrder(1);
    await drain();
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    await runScenario("cancel-online", orderId);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "CANCELED" });
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "placed" });
  });

  it("C3: canceled at the POS, the OMS still open and waiting for a pickup", async () => {
    const { orderId, store } = await placedOrder(1);
    await drain();
    await db().faultRule.create({ data: { source: "POS", target: "OMS", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    await runScenario("cancel-at-pos", orderId);
    expect(await db().posOrderTask.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "canceled" });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PLACED" });
  });

  it("a rule for one store leaves other stores' orders alone", async () => {
    const affected = await placedOrder(1);
    const other = await placedOrder(1);
    await db().faultRule.create({ data: { source: "OMS", target: "WMS", eventType: "order.created", kind: "DROP", storeCode: affected.store.code } });
    await drain();
    expect((await chainSteps(affected.orderId, "PLACEMENT"))[1]).toMatchObject({ status: "DEAD_LETTERED" });
    expect((await chainSteps(other.orderId, "PLACEMENT"))[1]).toMatchObject({ status: "DELIVERED" });
  });
});

describe("one dropped delivery, one account of it", () => {
  it("is a dead letter at once to the bus panel, the chain node, the cascade and the audit alike", async () => {
    const { orderId, orderNumber, store } = await placedOrder(1);
    await drain();
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    await runScenario("cancel-online", orderId);
    const now = new Date();

    const delivery = await db().delivery.findFirstOrThrow({ where: { orderId, chain: "CANCELLATION", stepNumber: 4 } });
    expect(delivery).toMatchObject({ status: "DEAD", injectedFault: "DROP", lastError: DROPPED_ERROR });
    const storefront = (await busOverview(db())).bySystem.find((row) => row.system === "STOREFRONT")!;
    expect(storefront.counts.DEAD).toBeGreaterThanOrEqual(1);

    const node = (await nodeHealth(db(), now, { storeId: store.id })).find((row) => row.id === "cancellation-1")!;
    expect(node.lastHour).toMatchObject({ deadLettered: 1, late: 0, rejected: 0 });

    expect((await loadOrderCascade(db(), orderNumber, now))?.failure).toMatchObject({ node: { id: "cancellation-1" }, reason: "dead_lettered" });
    const audit = await auditOrders(db(), [orderNumber], now);
    expect(audit.evidence).toEqual([expect.objectContaining({ orderNumber, reason: "dead_lettered", lastError: DROPPED_ERROR })]);
  });
});
