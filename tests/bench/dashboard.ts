// `npm run bench:dashboard [-- --orders 100000 --runs 30]`: the ops dashboard at scale. A fresh
// database gets the demo stores and `orders` past orders with ten chain steps each (as
// `npm run seed:scale` adds them), then, in one run: the overview's server-side work
// (per-node health, stuck orders, bus counts, open alerts), one order's cascade view, and
// the floor — the bare SQL aggregate behind the overview, sent with plain `pg`.
import { parseArgs } from "node:util";
import pg from "pg";
import { busOverview } from "@/lib/bus/bus-overview";
import { nodeHealth } from "@/lib/monitor/cascade/node-health";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { findStuckOrders } from "@/lib/monitor/cascade/stuck-orders";
import { openIncidents } from "@/lib/monitor/operations/alerts";
import { seedDemoData } from "@/prisma/demo/seed-demo";
import { seedScaleData } from "@/prisma/scale/seed-scale";
import { percentile, withBenchDatabase } from "./bench-database";

const { values } = parseArgs({ options: { orders: { type: "string", default: "100000" }, runs: { type: "string", default: "30" } } });
const ORDERS = Number(values.orders);
const RUNS = Number(values.runs);

async function time(runs: number, work: (i: number) => Promise<unknown>) {
  await work(0); // warm up: plans cached, pages in memory
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const show = (label: string, samples: number[]) => `${label.padEnd(34)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(7)} ms`;

await withBenchDatabase(async (db, url) => {
  console.log(`bench:dashboard — seeding ${ORDERS.toLocaleString("en-US")} orders…`);
  await seedDemoData(db);
  const seeded = performance.now();
  await seedScaleData(db, ORDERS);
  const steps = await db.chainStep.count();
  console.log(`${steps.toLocaleString("en-US")} chain steps in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);
  const numbers = (await db.order.findMany({ select: { number: true }, take: 5_000, orderBy: { number: "desc" } })).map((order) => order.number);

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const floor = await time(RUNS, () =>
    raw.query(`SELECT "chain", "stepNumber", "status", count(*) FROM "ChainStep"
                WHERE COALESCE("arrivedAt", "expectedBy") >= now() - interval '24 hours' GROUP BY 1, 2, 3`),
  );
  await raw.end();
  const overview = await time(RUNS, () => Promise.all([busOverview(db), findStuckOrders(db), nodeHealth(db), openIncidents(db)]));
  const cascade = await time(RUNS * 5, (i) => loadOrderCascade(db, numbers[(i * 7919) % numbers.length]!));
  const parts = {
    "  of which per-node health": await time(RUNS, () => nodeHealth(db)),
    "  of which stuck orders": await time(RUNS, () => findStuckOrders(db)),
    "  of which bus counts": await time(RUNS, () => busOverview(db)),
  };

  console.log(show("floor: raw SQL aggregate (pg)", floor));
  console.log(show("overview (server work)", overview));
  for (const [label, samples] of Object.entries(parts)) console.log(show(label, samples));
  console.log(show("order cascade view (server work)", cascade));
  console.log(
    `\noverview p50 / floor p50: ${(percentile(overview, 50) / percentile(floor, 50)).toFixed(1)}x; ` +
      `cascade view p50 / floor p50: ${(percentile(cascade, 50) / percentile(floor, 50)).toFixed(2)}x`,
  );
});
