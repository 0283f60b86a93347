// `npm run bench:intake [-- --seconds 20 --concurrency 16]`: channel orders through the intake
// API's handler (key check, JSON, the channel's adapter, routing, placement), sustained for a
// while at a fixed concurrency: placed at once, then queued above the channel's rate and
// drained by the worker's pass; and as the floor, in the same run on the same database, bare
// single-row INSERTs of the same width sent with plain `pg` at the same concurrency.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { POST } from "@/app/api/v1/orders/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { drainIntakeQueue } from "@/lib/oms/intake/intake-queue";
import { createBenchStore, percentile, withBenchDatabase } from "./bench-database";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "20" }, concurrency: { type: "string", default: "16" } } });
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);

type Run = { label: string; done: number; seconds: number; latencies: number[]; statuses: Map<number, number> };

/** Runs `task` from CONCURRENCY loops until the time is up. */
async function sustain(label: string, task: () => Promise<number>): Promise<Run> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const status = await task();
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return { label, done: latencies.length, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), statuses };
}

function show(run: Run) {
  const perSecond = run.done / run.seconds;
  const statuses = [...run.statuses].map(([status, count]) => `${status}×${count}`).join(" ");
  console.log(
    `${run.label.padEnd(40)} ${perSecond.toFixed(0).padStart(6)} /s   p50 ${percentile(run.latencies, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(run.latencies, 99).toFixed(1).padStart(7)} ms   ${statuses}`,
  );
  return perSecond;
}

await withBenchDatabase(async (db, url) => {
  const store = await createBenchStore(db);
  const product = await db.product.create({ data: { sku: "INTAKE-1", name: "Bench product", category: "Bench", description: "", priceCents: 999, imageUrl: "/products/EL-1001.svg", barcode: "INTAKE1" } });
  await db.inventoryLevel.create({ data: { storeId: store.id, productId: product.id, onHand: 10_000_000 } });
  const { key } = await createApiKey(db, "Bench marketplace", "MARKETPLACE");
  const order = () =>
    JSON.stringify({
      marketplace_order_id: `BENCH-${randomUUID()}`,
      buyer: { name: "Bench Buyer", email: "bench@example.com", phone: "5125550123" },
      fulfillment: { type: "store_pickup", store_id: store.code },
      order_items: [{ seller_sku: product.sku, quantity_ordered: 1, item_price: { amount: "9.99", currency: "USD" } }],
      payment: { transaction_id: `txn-${randomUUID()}` },
      order_total: { amount: "9.99", currency: "USD" },
    });
  const post = async () => (await POST(new Request("http://bench/api/v1/orders", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: order() }))).status;

  console.log(`bench:intake — ${SECONDS} s per run, ${CONCURRENCY} requests in flight\n`);
  const raw = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  await raw.query(`CREATE TABLE bench_bare_insert (id uuid PRIMARY KEY, channel text, channel_order_id text, payload jsonb, received_at timestamptz DEFAULT now())`);
  const floor = await sustain("floor: bare INSERT (pg)", async () => {
    await raw.query(`INSERT INTO bench_bare_insert (id, channel, channel_order_id, payload) VALUES ($1, 'MARKETPLACE', $2, $3)`, [randomUUID(), randomUUID(), order()]);
    return 200;
  });

  process.env.HANDOFF_INTAKE_RATE_PER_SECOND = "100000"; // the most the setting takes: no limit in practice
  const placed = await sustain("intake, placed at once (201)", post);

  process.env.HANDOFF_INTAKE_RATE_PER_SECOND = "1";
  process.env.HANDOFF_INTAKE_QUEUE_LIMIT = "10000000";
  const queued = await sustain("intake above the rate, queued (202)", post);
  const drainStarted = performance.now();
  let drained = 0;
  for (let handled = 1; handled > 0; drained += handled) handled = await drainIntakeQueue(db, 100);
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  await raw.end();

  const floorRate = show(floor);
  const placedRate = show(placed);
  const queuedRate = show(queued);
  console.log(`${"worker drains the queue".padEnd(40)} ${(drained / drainSeconds).toFixed(0).padStart(6)} /s   (${drained} orders in ${drainSeconds.toFixed(1)} s)`);
  const orders = await db.order.count();
  const accepted = await db.intakeOrder.count({ where: { status: "ACCEPTED" } });
  console.log(
    `\nplaced at once: ${(placedRate / floorRate).toFixed(3)}x the bare insert rate; queued: ${(queuedRate / floorRate).toFixed(3)}x; ` +
      `${orders} orders placed, ${accepted} intake rows accepted, ${orders === accepted ? "none lost or doubled" : "MISMATCH"}`,
  );
});
