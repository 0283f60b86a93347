import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { createDb } from "@/lib/platform/db/prisma";
import { deliveryViolations, scheduledRunViolations } from "../support/bus-invariants";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { scratchDatabase, type ScratchDatabase } from "../support/scratch-database";

// Handoff as it runs at scale: two app servers (the receivers) and two delivery worker
// processes, each worker sending to its own server, on one PostgreSQL of this file's own.
// Under a burst of placements, readies and pickups nothing is lost or applied twice, each
// order's events reach each system in order, and the scheduled jobs run once per interval.

const ORDERS = 30;
const RECONCILE_MINUTES = 0.1; // every 6 s
const ACCURACY_HOURS = 0.002; // every 7.2 s

let scratch: ScratchDatabase;
let db: PrismaClient;
const children: ChildProcess[] = [];
const serverUrls: string[] = [];
let workersStartedAt = 0;

function start(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, DATABASE_URL: scratch.url, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return child;
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("timed out waiting");
}

beforeAll(async () => {
  scratch = await scratchDatabase("handoff_scale");
  db = createDb(scratch.url);
  for (let i = 0; i < 2; i++) {
    const server = start("tests/support/systems-server-main.ts", {});
    serverUrls.push(await new Promise<string>((resolve) => server.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().split("\n")[0]!))));
  }
  await ensureSystemEndpoints(db);
  workersStartedAt = Date.now();
  for (const url of serverUrls) {
    start("scripts/worker.ts", { HANDOFF_INTERNAL_URL: url, HANDOFF_RECONCILE_MINUTES: String(RECONCILE_MINUTES), HANDOFF_INVENTORY_ACCURACY_HOURS: String(ACCURACY_HOURS) });
  }
  await waitFor(async () => (await db.workerHeartbeat.count()) === 2, 30_000);
}, 90_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await db?.$disconnect();
  await scratch?.drop();
});

describe("two app servers and two workers on one database", () => {
  it("deliver every event once, in order per order and system, and run each scheduled job once per interval", async () => {
    const store = await createStore(db as never);
    const product = await createProduct(db, store.id, { onHand: 1_000 });
    await db.storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: 1_000 } });
    const slot = await firstSlot(db, store.id, new Date());

    const orderIds = (
      await Promise.all(
        Array.from({ length: ORDERS }, () => placeOrder(db, orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }))),
      )
    ).map((placed) => placed.orderId);
    await wakeDispatcher(db);
    await waitFor(async () => (await db.posOrderTask.count({ where: { orderId: { in: orderIds } } })) === ORDERS);
    await Promise.all(orderIds.map((orderId) => recordPosEvent(db, { orderId, type: "order.ready", associate: "Scale" })));
    await waitFor(async () => (await db.order.count({ where: { id: { in: orderIds }, status: "READY" } })) === ORDERS);
    await Promise.all(orderIds.map((orderId) => recordPosEvent(db, { orderId, type: "pickup.completed", associate: "Scale", data: { verifiedBy: "pickup_code" } })));
    await waitFor(async () => (await db.chainStep.count({ where: { orderId: { in: orderIds }, chain: "PICKUP", status: "DELIVERED" } })) === ORDERS * 7);
    await waitFor(async () => (await db.delivery.count({ where: { status: "PENDING" } })) === 0);

    // Nothing lost or applied twice, and in order per order and system.
    expect(await deliveryViolations(db, orderIds)).toEqual([]);
    expect((await db.storefrontAvailability.findUniqueOrThrow({ where: { storeCode_sku: { storeCode: store.code, sku: product.sku } } })).available).toBe(1_000 - ORDERS);
    expect(await db.wmsAllocation.count({ where: { orderId: { in: orderIds }, status: "CONSUMED", quantity: 1 } })).toBe(ORDERS);
    expect(await db.inventoryLevel.findFirstOrThrow({ where: { storeId: store.id, productId: product.id } })).toMatchObject({ onHand: 1_000 - ORDERS, allocated: 0 });
    expect(await db.posOrderTask.count({ where: { orderId: { in: orderIds }, status: "picked_up" } })).toBe(ORDERS);
    expect(await db.storefrontOrderView.count({ where: { orderId: { in: orderIds }, status: "picked_up" } })).toBe(ORDERS);
    // Both app servers took a share of the events.
    for (const url of serverUrls) expect((await (await fetch(`${url}/stats`)).json()).eventsAnswered).toBeGreaterThan(0);

    // The scheduled jobs: both workers ask, one run starts per interval.
    await waitFor(async () => (await db.reconciliationRun.count({ where: { trigger: "scheduled" } })) >= 2 && (await db.inventoryAccuracyRun.count({ where: { trigger: "scheduled" } })) >= 2, 60_000);
    expect(await scheduledRunViolations(db, new Date(workersStartedAt), { reconcileMs: RECONCILE_MINUTES * 60_000, accuracyMs: ACCURACY_HOURS * 3_600_000 })).toEqual([]);
  }, 180_000);
});
