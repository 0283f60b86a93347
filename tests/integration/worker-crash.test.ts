import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { createDb } from "@/lib/platform/db/prisma";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { scratchDatabase, type ScratchDatabase } from "../support/scratch-database";

// A real worker process killed with SIGKILL in the middle of a delivery. This file uses a
// database of its own (and its own receiver and worker processes) so the workers it starts
// never touch other test files' deliveries.

let scratch: ScratchDatabase;
let url = "";
let db: PrismaClient;
let receivers: ChildProcess;
let receiversUrl: string;
const children: ChildProcess[] = [];

function start(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, DATABASE_URL: url, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("timed out waiting");
}

beforeAll(async () => {
  scratch = await scratchDatabase("handoff_crash");
  url = scratch.url;
  db = createDb(url);
  await ensureSystemEndpoints(db);
  receivers = start("tests/support/systems-server-main.ts", {});
  receiversUrl = await new Promise<string>((resolve) => receivers.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().split("\n")[0]!)));
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await db.$disconnect();
  await scratch.drop();
});

describe("a delivery worker killed mid-delivery", () => {
  it("loses nothing: the lease lapses, another worker delivers it, and it is applied once", async () => {
    const store = await createStore(db as never);
    const product = await createProduct(db, store.id, { onHand: 5 });
    // Hold the OMS → WMS crossing in flight long enough to kill the worker during it.
    const slow = await db.faultRule.create({ data: { source: "OMS", target: "WMS", eventType: "order.created", kind: "DELAY", delayMs: 5_000 } });
    const slot = await firstSlot(db, store.id, new Date());
    const { orderId } = await placeOrder(db, orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 2 }] }));

    const workerEnv = { HANDOFF_INTERNAL_URL: receiversUrl, HANDOFF_DELIVERY_LEASE_SECONDS: "2" };
    const doomed = start("scripts/worker.ts", workerEnv);
    // A running worker reports itself for /api/health.
    expect(await waitFor(() => db.workerHeartbeat.findFirst({ where: { pid: doomed.pid } }))).toMatchObject({ seenAt: expect.any(Date) });
    const inFlight = await waitFor(() => db.delivery.findFirst({ where: { orderId, targetSystem: "WMS", attempts: 1, leaseUntil: { not: null } } }));
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    await db.faultRule.delete({ where: { id: slow.id } });

    expect(await db.delivery.findUniqueOrThrow({ where: { id: inFlight.id } })).toMatchObject({ status: "PENDING" });
    expect(await db.wmsAllocation.count({ where: { orderId } })).toBe(0);

    start("scripts/worker.ts", workerEnv);
    const delivered = await waitFor(async () => {
      const row = await db.delivery.findUniqueOrThrow({ where: { id: inFlight.id } });
      return row.status === "DELIVERED" ? row : null;
    });
    expect(delivered.attempts).toBe(2);
    expect(await db.wmsAllocation.findMany({ where: { orderId }, select: { quantity: true, status: true } })).toEqual([{ quantity: 2, status: "HELD" }]);
    expect(await db.inboxReceipt.count({ where: { system: "WMS" } })).toBe(1);
    const step = await db.chainStep.findUniqueOrThrow({ where: { orderId_chain_stepNumber: { orderId, chain: "PLACEMENT", stepNumber: 2 } } });
    expect(step).toMatchObject({ status: "DELIVERED" });
  }, 60_000);
});
