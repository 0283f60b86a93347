import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/orders/[number]/cascade/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { runReconciliation } from "@/lib/monitor/cascade/reconcile";
import { describeResync, resyncAndConfirm } from "@/lib/monitor/cascade/resync-and-confirm";
import { getDb } from "@/lib/platform/db/prisma";
import type { FaultKind, SystemName } from "@/lib/generated/prisma/enums";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { drain, drainWhile, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

type Scenario = "pickup" | "cancel" | "cancel-at-pos";
type NodeCase = { node: string; rule: { source: SystemName; target: SystemName; eventType: string; kind: FaultKind }; scenario: Scenario };

// Seed 000's six pickup nodes (node 1: nothing leaves the POS; node 2: it leaves and the OMS
// does not take it) and seed 001's three cancellation nodes.
const NODES: NodeCase[] = [
  { node: "pickup-1", rule: { source: "POS", target: "OMS", eventType: "pickup.completed", kind: "PAUSE" }, scenario: "pickup" },
  { node: "pickup-2", rule: { source: "POS", target: "OMS", eventType: "pickup.completed", kind: "DROP" }, scenario: "pickup" },
  { node: "pickup-3", rule: { source: "OMS", target: "WMS", eventType: "order.picked_up", kind: "DROP" }, scenario: "pickup" },
  { node: "pickup-4", rule: { source: "OMS", target: "STOREFRONT", eventType: "order.picked_up", kind: "DROP" }, scenario: "pickup" },
  { node: "pickup-5", rule: { source: "OMS", target: "NOTIFICATION", eventType: "order.picked_up", kind: "HTTP_500" }, scenario: "pickup" },
  { node: "pickup-6", rule: { source: "WMS", target: "STOREFRONT", eventType: "inventory.consumed", kind: "DROP" }, scenario: "pickup" },
  { node: "cancellation-1", rule: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP" }, scenario: "cancel" },
  { node: "cancellation-2", rule: { source: "WMS", target: "STOREFRONT", eventType: "inventory.released", kind: "DROP" }, scenario: "cancel" },
  { node: "cancellation-3", rule: { source: "POS", target: "OMS", eventType: "order.canceled", kind: "DROP" }, scenario: "cancel-at-pos" },
];
const ORDERS_PER_NODE = 10;
const HEALTHY_ORDERS = 30;

async function run(scenario: Scenario, orderId: string) {
  if (scenario === "pickup") {
    await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1", data: { verifiedBy: "pickup_code" } });
  } else if (scenario === "cancel") {
    await cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" });
  } else {
    await recordPosEvent(db(), { orderId, type: "order.canceled", associate: "A-1", data: { reason: "Damaged" } });
  }
}

async function cascadeNode(number: number, key: string) {
  const response = await GET(new Request(`http://handoff.test/api/v1/orders/${number}/cascade`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ number: String(number) }),
  } as never);
  const body = (await response.json()) as { failure: { node: { id: string } } | null };
  return body.failure?.node.id ?? null;
}

describe("one on-demand reconciliation", () => {
  it("names the right node for every order broken at each of the nine nodes, and flags no healthy order", { timeout: 240_000 }, async () => {
    // Each node gets a store of its own, its fault scoped to that store and left on, so the
    // break stays put while other test files' dispatchers run.
    const expected = new Map<string, string | null>();
    const orderIds: string[] = [];
    const storeIds: string[] = [];
    const groups: { node: string | null; scenario: Scenario | "healthy"; rule?: NodeCase["rule"]; count: number }[] = [
      ...NODES.map((node) => ({ node: node.node, scenario: node.scenario, rule: node.rule, count: ORDERS_PER_NODE })),
      { node: null, scenario: "healthy", count: HEALTHY_ORDERS },
    ];
    const rules: string[] = [];
    for (const group of groups) {
      const store = await createStore(db());
      storeIds.push(store.id);
      const product = await createProduct(db(), store.id, { onHand: 100 });
      const slot = await firstSlot(db(), store.id, new Date());
      const ids: string[] = [];
      for (let i = 0; i < group.count; i++) {
        ids.push((await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))).orderId);
      }
      await drain();
      const pickup = (index: number) => group.scenario === "pickup" || (group.scenario === "healthy" && index % 2 === 0);
      for (const [index, orderId] of ids.entries()) if (pickup(index)) await recordPosEvent(db(), { orderId, type: "order.ready", associate: "A-1" });
      await drain();
      if (group.rule) rules.push((await db().faultRule.create({ data: { ...group.rule, storeCode: store.code } })).id);
      for (const [index, orderId] of ids.entries()) {
        await run(group.scenario === "healthy" ? (pickup(index) ? "pickup" : "cancel") : group.scenario, orderId);
        expected.set(orderId, group.node);
      }
      await drain();
      orderIds.push(...ids);
    }
    const total = orderIds.length;

    // One reconciliation, now, over these stores (the orders have just changed: no grace).
    const runs = [];
    for (const storeId of storeIds) {
      const reconciliation = await db().reconciliationRun.create({ data: { trigger: "manual", storeId } });
      await runReconciliation(db(), reconciliation.id, { trigger: "manual", storeId, graceSeconds: 0, resync: false });
      runs.push(await db().reconciliationRun.findUniqueOrThrow({ where: { id: reconciliation.id } }));
    }
    expect(runs.reduce((sum, report) => sum + report.checked, 0)).toBe(total);
    expect(runs.map((report) => report.mismatchedOrders)).toEqual([...NODES.map(() => ORDERS_PER_NODE), 0]);
    const { key } = await createApiKey(db(), "reconciliation test");
    const numbers = new Map((await db().order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true } })).map((order) => [order.id, order.number]));
    const named = new Map<string, string | null>();
    for (const orderId of orderIds) named.set(orderId, await cascadeNode(numbers.get(orderId)!, key));
    expect(named).toEqual(expected);

    // Each store's report names its node for all ten orders.
    for (const [index, node] of NODES.entries()) {
      const byNode = await db().reconciliationMismatch.groupBy({ by: ["nodeId"], where: { runId: runs[index]!.id }, _count: { orderId: true } });
      expect(byNode.map((group) => [group.nodeId, group._count.orderId])).toEqual([[node.node, ORDERS_PER_NODE]]);
    }
    await db().faultRule.deleteMany({ where: { id: { in: rules } } });
  });
});

describe("reconciling the staging bin", () => {
  it("finds a ready order whose WMS never heard its staging bin, names the ready step, and re-sync fills it in", { timeout: 60_000 }, async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const slot = await firstSlot(db(), store.id, new Date());
    const { orderId } = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));
    await drain();
    const rule = await db().faultRule.create({ data: { source: "OMS", target: "WMS", eventType: "order.ready", kind: "DROP", storeCode: store.code } });
    await db().posOrderTask.update({ where: { orderId }, data: { stagingBin: "B-7" } });
    await recordPosEvent(db(), { orderId, type: "order.ready", associate: "A-1", data: { stagingBin: "B-7" } });
    await drain();
    expect((await db().wmsAllocation.findFirstOrThrow({ where: { orderId } })).stagingBin).toBeNull();

    const report = await db().reconciliationRun.create({ data: { trigger: "manual", storeId: store.id } });
    await runReconciliation(db(), report.id, { trigger: "manual", storeId: store.id, graceSeconds: 0, resync: false });
    const mismatches = await db().reconciliationMismatch.findMany({ where: { runId: report.id } });
    expect(mismatches.map(({ system, nodeId, expected, actual }) => ({ system, nodeId, expected, actual }))).toEqual([
      { system: "WMS", nodeId: "ready-step-5", expected: "staging bin B-7", actual: "no staging bin" },
    ]);
    const { key } = await createApiKey(db(), "staging bin test");
    const { number } = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(await cascadeNode(number, key)).toBe("ready-step-5");

    // Fixed at the boundary, one more pass re-sends the ready event and the WMS catches up.
    await db().faultRule.delete({ where: { id: rule.id } });
    const healing = await db().reconciliationRun.create({ data: { trigger: "manual", storeId: store.id } });
    await drainWhile(runReconciliation(db(), healing.id, { trigger: "manual", storeId: store.id, graceSeconds: 0 }));
    expect(await db().reconciliationRun.findUniqueOrThrow({ where: { id: healing.id } })).toMatchObject({ mismatchedOrders: 1, resynced: 1 });
    expect((await db().wmsAllocation.findFirstOrThrow({ where: { orderId } })).stagingBin).toBe("B-7");
    expect(await cascadeNode(number, key)).toBeNull();
  });
});

describe("what a re-sync reports", () => {
  it("counts an order re-synced only once its re-sent step has arrived, not while a fault still drops it", { timeout: 60_000 }, async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const slot = await firstSlot(db(), store.id, new Date());
    const { orderId } = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }));
    await drain();
    const rule = await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    await cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" });
    await drain();

    // The fault is still on: the re-sent cancellation is dropped again, and the report says so.
    const blocked = await db().reconciliationRun.create({ data: { trigger: "manual", storeId: store.id } });
    await drainWhile(runReconciliation(db(), blocked.id, { trigger: "manual", storeId: store.id, graceSeconds: 0 }));
    expect(await db().reconciliationRun.findUniqueOrThrow({ where: { id: blocked.id } })).toMatchObject({ mismatchedOrders: 1, resynced: 0, stillFailing: 1 });
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "placed" });

    await db().faultRule.delete({ where: { id: rule.id } });
    const healing = await db().reconciliationRun.create({ data: { trigger: "manual", storeId: store.id } });
    await drainWhile(runReconciliation(db(), healing.id, { trigger: "manual", storeId: store.id, graceSeconds: 0 }));
    expect(await db().reconciliationRun.findUniqueOrThrow({ where: { id: healing.id } })).toMatchObject({ mismatchedOrders: 1, resynced: 1, stillFailing: 0 });
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "canceled" });
  });

  it("names the active fault that will drop a re-sync again", { timeout: 60_000 }, async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const slot = await firstSlot(db(), store.id, new Date());
    const { orderId } = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }));
    await drain();
    await db().faultRule.create({ data: { source: "OMS", target: "STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: store.code } });
    await cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" });
    await drain();
    const [outcome] = await drainWhile(resyncAndConfirm(db(), [orderId]));
    expect(outcome).toMatchObject({ resent: 1, healed: false, blockedBy: [`Drop on OMS → STOREFRONT (order.canceled, store ${store.code})`] });
    expect(describeResync([outcome!])).toContain("An active fault drops it again");
    await db().faultRule.deleteMany({ where: { storeCode: store.code } });
  });
});
