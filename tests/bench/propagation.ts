// `npm run bench:propagation`: pickups fired at the POS at a steady rate; for each, the
// time from the POS's pickup-complete to the last step of its chain acknowledged, and
// deliveries per second. The floor, in the same run against the same server: a bare
// signed-size loopback POST round trip.
//
// `--app-servers N --workers M` runs N app server processes and M `npm run worker` processes
// (worker i sends to server i mod N) with short reconciliation and accuracy intervals, and
// after each rate checks what running at scale must keep: nothing lost or applied twice,
// each order's events in order per system, every server used, one scheduled run per interval.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { startDeliveryWorker } from "@/lib/bus/worker";
import { PERIODIC_JOBS } from "@/lib/systems";
import type { Db } from "@/lib/platform/db/prisma";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadStore } from "@/lib/oms/stores/load-stores";
import { recordPosEvent } from "@/lib/pos/record-pos-event";

import { createBenchStore, percentile, withBenchDatabase } from "./bench-database";
import { cpuPerUnit, nameThisProcess, readCpu } from "./cpu-meter";
import { deliveryViolations, scheduledRunViolations } from "../support/bus-invariants";
import { startReceiversProcess } from "./receivers-process";
import { printStatementStats, resetStatementStats, STATEMENT_STATS_SETTINGS } from "./statement-stats";
import { startWindowProfile, stopWindowProfile } from "./window-profile";

const { values } = parseArgs({ options: { rates: { type: "string", default: "10,50" }, seconds: { type: "string", default: "30" }, concurrency: { type: "string" }, profile: { type: "string" }, statements: { type: "boolean", default: false }, "app-servers": { type: "string", default: "1" }, workers: { type: "string", default: "0" }, stores: { type: "string", default: "20" }, skus: { type: "string", default: "10" } } });
const STORES = Number(values.stores);
const SKUS = Number(values.skus);
const RATES = values.rates.split(",").map(Number);
const SECONDS = Number(values.seconds);
// Where to write CPU profiles of each measured window (this process and the receivers'), if anywhere.
const PROFILE_DIR = values.profile;
if (PROFILE_DIR) process.env.HANDOFF_BENCH_PROFILE_DIR = PROFILE_DIR;

const APP_SERVERS = Number(values["app-servers"]);
// 0: one worker inside this process, as `npm start` runs it; more: separate worker processes.
const WORKERS = Number(values.workers);
nameThisProcess(WORKERS ? "POS" : "worker and POS");
// With separate workers, the scheduled jobs run often enough to see several intervals per rate.
const RECONCILE_MINUTES = 0.25;
// The bus's window is split between the worker processes unless --concurrency says otherwise.
const WORKER_WINDOW = values.concurrency ? Number(values.concurrency) : Math.ceil(128 / Math.max(1, WORKERS));
const ACCURACY_HOURS = 0.005;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    // Once a second: the check counts thousands of orders' steps, CPU the bus under test would otherwise lose.
    await sleep(1_000);
  }
  return false;
}

/**
 * Orders placed and made ready through the real chains, waiting for a pickup: spread over
 * `STORES` stores with `SKUS` products each, as a chain's pickups are (one store hands over a
 * few orders a minute, not fifty a second: `--stores 1 --skus 1` is the worst case, every
 * pickup moving one store's one stock row).
 */
async function readyOrders(db: Db, count: number): Promise<string[]> {
  const now = new Date();
  const shelves = await Promise.all(
    Array.from({ length: STORES }, async (_, s) => {
      const store = await createBenchStore(db, `BENCH-${s + 1}`);
      const products = await Promise.all(
        Array.from({ length: SKUS }, () =>
          db.product.create({ data: { sku: `P-${randomUUID()}`, name: "Bench item", category: "Bench", description: "", priceCents: 1299, imageUrl: "/products/EL-1001.svg", barcode: randomUUID() } }),
        ),
      );
      await db.inventoryLevel.createMany({ data: products.map((product) => ({ storeId: store.id, productId: product.id, onHand: 1_000_000 })) });
      const slot = (await storeSlotOffer(db, (await loadStore(db, store.id))!, now)).slots[0]!;
      return { store, products, slot };
    }),
  );
  const ids: string[] = [];
  for (let batch = 0; batch < count; batch += 20) {
    const placed = await Promise.all(
      Array.from({ length: Math.min(20, count - batch) }, (_, j) => {
        const i = batch + j;
        const { store, products, slot } = shelves[i % STORES]!;
        const product = products[Math.floor(i / STORES) % SKUS]!;
        return placeOrder(db, { checkoutId: randomUUID(), storeId: store.id, pickupMethod: "IN_STORE", slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }], name: "Bench", email: "bench@example.com", phone: "+15125550100", cardNumber: "4242424242424242" }, now);
      }),
    );
    ids.push(...placed.map((p) => p.orderId));
  }
  await waitUntil(async () => (await db.posOrderTask.count({ where: { orderId: { in: ids } } })) === ids.length, 300_000);
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map((orderId) => recordPosEvent(db, { orderId, type: "order.ready", associate: "bench" })));
  }
  await waitUntil(async () => (await db.order.count({ where: { id: { in: ids }, status: "READY" } })) === ids.length, 300_000);
  // Measure on a quiet bus: everything the setup sent has arrived.
  await waitUntil(async () => (await db.delivery.count({ where: { status: "PENDING" } })) === 0, 300_000);
  return ids;
}

/** `npm run worker` as its own process, sending to `serverUrl`. */
function startWorkerProcess(databaseUrl: string, serverUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, HANDOFF_INTERNAL_URL: serverUrl, HANDOFF_RECONCILE_MINUTES: String(RECONCILE_MINUTES), HANDOFF_INVENTORY_ACCURACY_HOURS: String(ACCURACY_HOURS), HANDOFF_DELIVERIES_IN_FLIGHT: String(WORKER_WINDOW) },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** CPU labels for child processes: "receivers", or "receivers 1", "receivers 2" when there are several. */
const pidsOf = (label: string, pids: number[]) => Object.fromEntries(pids.map((pid, i) => [pids.length === 1 ? label : `${label} ${i + 1}`, pid]));

await withBenchDatabase(async (db, url) => {
  const servers = await Promise.all(Array.from({ length: APP_SERVERS }, () => startReceiversProcess()));
  const server = servers[0]!;
  process.env.HANDOFF_INTERNAL_URL = server.url;
  await ensureSystemEndpoints(db);
  const workersStartedAt = new Date();
  const workerProcesses = Array.from({ length: WORKERS }, (_, i) => startWorkerProcess(url, servers[i % servers.length]!.url));
  const worker = WORKERS === 0 ? await startDeliveryWorker(db, { databaseUrl: url, jobs: PERIODIC_JOBS, ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}) }) : null;
  const measured = { ...pidsOf("receivers", servers.map((s) => s.pid)), ...pidsOf("worker", workerProcesses.map((w) => w.pid!)) };
  if (WORKERS) console.log(`bench:propagation — ${APP_SERVERS} app server process(es), ${WORKERS} worker process(es) with ${WORKER_WINDOW} deliveries in flight each; this process is the POS`);
  try {
    const total = RATES.reduce((sum, rate) => sum + rate * SECONDS, 0);
    console.log(`bench:propagation — preparing ${total} ready orders through the real placement and ready chains…`);
    const orders = await readyOrders(db, total);

    // The floor: a loopback POST of an event-sized body to the same server.
    const body = JSON.stringify({ type: "pickup.completed", padding: "x".repeat(600) });
    const floor: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      await (await fetch(`${server.url}/ping`, { method: "POST", body, headers: { "content-type": "application/json" } })).arrayBuffer();
      floor.push(performance.now() - t0);
    }
    floor.sort((a, b) => a - b);
    console.log(`\nbare loopback POST round trip: p50 ${percentile(floor, 50).toFixed(2)} ms, p99 ${percentile(floor, 99).toFixed(2)} ms\n`);

    let offset = 0;
    for (const rate of RATES) {
      const batch = orders.slice(offset, offset + rate * SECONDS);
      offset += batch.length;
      const started = Date.now();
      const deliveredBefore = await db.delivery.count({ where: { status: "DELIVERED" } });
      if (values.statements) await resetStatementStats(db);
      const cpuBefore = readCpu(measured);
      if (PROFILE_DIR) await startWindowProfile(servers.map((s) => s.pid));
      const fired: Promise<unknown>[] = [];
      for (const [i, orderId] of batch.entries()) {
        const due = started + (i * 1000) / rate;
        await sleep(Math.max(0, due - Date.now()));
        fired.push(recordPosEvent(db, { orderId, type: "pickup.completed", associate: "bench", data: { verifiedBy: "pickup_code" } }));
      }
      await Promise.all(fired);
      const complete = await waitUntil(
        async () => (await db.chainStep.count({ where: { orderId: { in: batch }, chain: "PICKUP", status: "DELIVERED" } })) === batch.length * 7,
        120_000,
      );
      const elapsed = (Date.now() - started) / 1000;
      const cpuAfter = readCpu(measured);
      if (PROFILE_DIR) await stopWindowProfile(PROFILE_DIR, `worker-${rate}`, servers.map((s) => s.pid));
      const delivered = (await db.delivery.count({ where: { status: "DELIVERED" } })) - deliveredBefore;
      const steps = await db.chainStep.findMany({ where: { orderId: { in: batch }, chain: "PICKUP" }, select: { orderId: true, stepNumber: true, arrivedAt: true } });
      const latencies: number[] = [];
      for (const orderId of batch) {
        const mine = steps.filter((s) => s.orderId === orderId);
        const start = mine.find((s) => s.stepNumber === 1)?.arrivedAt;
        const arrived = mine.map((s) => s.arrivedAt?.getTime()).filter((t): t is number => t !== undefined);
        if (start && arrived.length === 7) latencies.push(Math.max(...arrived) - start.getTime());
      }
      latencies.sort((a, b) => a - b);
      const p50 = percentile(latencies, 50);
      console.log(
        `${String(rate).padStart(3)} pickups/s for ${SECONDS} s: ${latencies.length}/${batch.length} chains complete${complete ? "" : " (timed out)"}; ` +
          `POS pickup-complete → last step acknowledged p50 ${p50} ms, p99 ${percentile(latencies, 99)} ms; ` +
          `${(delivered / elapsed).toFixed(0)} deliveries/s; p50 vs bare POST ${(p50 / percentile(floor, 50)).toFixed(1)}x`,
      );
      console.log(`    CPU per delivery: ${cpuPerUnit(cpuBefore, cpuAfter, delivered)}`);
      if (values.statements) await printStatementStats(db, delivered, "delivery");
      if (!complete) process.exitCode = 1;
      if (WORKERS) {
        await waitUntil(async () => (await db.delivery.count({ where: { status: "PENDING" } })) === 0, 120_000);
        const violations = await deliveryViolations(db, batch);
        console.log(`    ${violations.length ? `BROKEN: ${violations.join("; ")}` : "every delivery arrived once, each order's events in order per system"}`);
        if (violations.length) process.exitCode = 1;
      }
    }
    if (WORKERS) {
      const answered = await Promise.all(servers.map(async (s) => ((await (await fetch(`${s.url}/stats`)).json()) as { eventsAnswered: number }).eventsAnswered));
      const runs = { reconciliation: await db.reconciliationRun.count({ where: { trigger: "scheduled" } }), accuracy: await db.inventoryAccuracyRun.count({ where: { trigger: "scheduled" } }) };
      const violations = [
        ...(answered.some((count) => count === 0) ? ["an app server answered no events"] : []),
        ...(runs.reconciliation === 0 || runs.accuracy === 0 ? ["a scheduled job never ran"] : []),
        ...(await scheduledRunViolations(db, workersStartedAt, { reconcileMs: RECONCILE_MINUTES * 60_000, accuracyMs: ACCURACY_HOURS * 3_600_000 })),
      ];
      console.log(`\nevents answered per app server: ${answered.join(", ")}; scheduled runs: ${runs.reconciliation} reconciliations every ${RECONCILE_MINUTES * 60} s, ${runs.accuracy} accuracy checks every ${ACCURACY_HOURS * 3600} s`);
      console.log(violations.length ? `BROKEN: ${violations.join("; ")}` : "one scheduled run per interval across all workers");
      if (violations.length) process.exitCode = 1;
    }
  } finally {
    await worker?.stop();
    await Promise.all(workerProcesses.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.kill("SIGTERM"))))));
    await Promise.all(servers.map((s) => s.close()));
  }
}, values.statements ? STATEMENT_STATS_SETTINGS : {});
