// `npm run bench:retention [-- --days 365 --per-day 1000 --today 5000 --runs 20]`: whether a
// year of history slows the hot paths, and whether retention brings them back. A fresh
// database gets the demo stores, a day of work (`--today` orders, 2,000 deliveries waiting)
// and then a year of closed orders with their steps, events, deliveries and receipts. It
// times the delivery claim, the ops overview and a reconciliation pass three times: with
// today's work only (the floor), after the year, and after `pruneHistory` (90 days) and a
// VACUUM. Then the SKIP LOCKED queue with a long-running reader open: the claim before and
// after 50,000 deliveries go from pending to delivered while a REPEATABLE READ transaction
// holds the xmin horizon, and again once it closes and VACUUM runs.
import { parseArgs } from "node:util";
import pg from "pg";
import { busOverview } from "@/lib/bus/bus-overview";
import { claimDeliveries } from "@/lib/bus/dispatcher";
import { nodeHealth } from "@/lib/monitor/cascade/node-health";
import { runReconciliation } from "@/lib/monitor/cascade/reconcile";
import { findStuckOrders } from "@/lib/monitor/cascade/stuck-orders";
import { openIncidents } from "@/lib/monitor/operations/alerts";
import { pruneHistory } from "@/lib/monitor/retention/prune-history";
import type { Db } from "@/lib/platform/db/prisma";
import { seedDemoData } from "@/prisma/demo/seed-demo";
import { seedHistoryData } from "@/prisma/scale/seed-history";
import { seedScaleData } from "@/prisma/scale/seed-scale";
import { percentile, withBenchDatabase } from "./bench-database";

const { values } = parseArgs({ options: { days: { type: "string", default: "365" }, "per-day": { type: "string", default: "1000" }, today: { type: "string", default: "5000" }, runs: { type: "string", default: "20" } } });
const DAYS = Number(values.days);
const PER_DAY = Number(values["per-day"]);
const TODAY = Number(values.today);
const RUNS = Number(values.runs);
const WAITING = 2_000;
const CHURN = 50_000;

async function time(runs: number, work: () => Promise<unknown>) {
  await work(); // warm up: plans cached, pages in memory
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

/** A claim of 32 as the worker makes it, then handed back so the next one finds the same queue. */
async function claimOnce(db: Db) {
  const claimed = await claimDeliveries(db, 32);
  const ids = claimed.map((delivery) => delivery.id);
  if (ids.length) await db.$executeRaw`UPDATE "Delivery" SET "leaseUntil" = NULL, "attempts" = "attempts" - 1 WHERE "id" = ANY(${ids}::uuid[])`;
}

/** `count` new events about today's orders, each with one delivery to the WMS waiting. */
async function queueDeliveries(db: Db, count: number) {
  await db.$executeRawUnsafe(`
    WITH orders AS (SELECT "id", row_number() OVER () AS i FROM "Order" WHERE "accessToken" LIKE 'scale-%' LIMIT ${count}),
         events AS (INSERT INTO "OutboxEvent" ("id", "source", "type", "orderId", "payload")
                    SELECT gen_random_uuid(), 'OMS', 'order.ready', o."id", '{}'::jsonb FROM generate_series(1, ${count}) g JOIN orders o ON o.i = 1 + (g - 1) % (SELECT count(*) FROM orders)
                    RETURNING "id", "orderId", "position")
    INSERT INTO "Delivery" ("id", "outboxEventId", "targetSystem", "position", "orderId")
    SELECT gen_random_uuid(), e."id", 'WMS', e."position", e."orderId" FROM events e`);
}

type Phase = { claim: number[]; overview: number[]; reconcile: number };

async function measure(db: Db): Promise<Phase> {
  const claim = await time(RUNS * 5, () => claimOnce(db));
  const overview = await time(RUNS, () => Promise.all([busOverview(db), findStuckOrders(db), nodeHealth(db), openIncidents(db)]));
  const run = await db.reconciliationRun.create({ data: { trigger: "manual" } });
  const started = performance.now();
  await runReconciliation(db, run.id, { trigger: "manual", resync: false });
  return { claim, overview, reconcile: performance.now() - started };
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

await withBenchDatabase(async (db, url) => {
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const sizes = async () => {
    const [row] = (await raw.query(`SELECT (SELECT count(*) FROM "ChainStep") AS steps, (SELECT count(*) FROM "Delivery") AS deliveries, (SELECT count(*) FROM "OutboxEvent") AS events, (SELECT count(*) FROM "InboxReceipt") AS receipts`)).rows;
    return `${Number(row.steps).toLocaleString("en-US")} steps, ${Number(row.deliveries).toLocaleString("en-US")} deliveries, ${Number(row.events).toLocaleString("en-US")} events, ${Number(row.receipts).toLocaleString("en-US")} receipts`;
  };
  const vacuum = () => raw.query(`VACUUM ANALYZE "ChainStep", "Delivery", "OutboxEvent", "InboxReceipt", "Order"`);

  console.log(`bench:retention — today's work: ${TODAY.toLocaleString("en-US")} orders, ${WAITING.toLocaleString("en-US")} deliveries waiting`);
  await seedDemoData(db);
  await seedScaleData(db, TODAY);
  await queueDeliveries(db, WAITING);
  await vacuum();
  const phases: [string, Phase, string][] = [];
  phases.push(["today only (floor)", await measure(db), await sizes()]);

  const seeded = performance.now();
  await seedHistoryData(db, { days: DAYS, ordersPerDay: PER_DAY });
  await vacuum();
  console.log(`seeded ${DAYS} days × ${PER_DAY.toLocaleString("en-US")} closed orders in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);
  phases.push([`after ${DAYS} days, kept`, await measure(db), await sizes()]);

  const pruneStarted = performance.now();
  const pruned = await pruneHistory(db, new Date(), 90);
  const pruneSeconds = (performance.now() - pruneStarted) / 1000;
  await vacuum();
  console.log(`pruneHistory (90 days): ${pruned.orders.toLocaleString("en-US")} orders' history, ${pruned.steps.toLocaleString("en-US")} steps, ${pruned.deliveries.toLocaleString("en-US")} deliveries in ${pruneSeconds.toFixed(0)} s (${Math.round(pruned.steps / pruneSeconds).toLocaleString("en-US")} steps/s)`);
  phases.push(["after retention (90 days)", await measure(db), await sizes()]);

  console.log(`\n${"".padEnd(28)}${"claim p50".padStart(11)}${"claim p99".padStart(11)}${"overview p50".padStart(14)}${"reconcile".padStart(11)}   rows`);
  const floor = phases[0]![1];
  for (const [label, phase, rows] of phases) {
    console.log(`${label.padEnd(28)}${ms(percentile(phase.claim, 50))}${ms(percentile(phase.claim, 99))}${ms(percentile(phase.overview, 50)).padStart(14)}${ms(phase.reconcile)}   ${rows}`);
  }
  const last = phases[2]![1];
  console.log(
    `after retention / floor: claim ${(percentile(last.claim, 50) / percentile(floor.claim, 50)).toFixed(2)}x, overview ${(percentile(last.overview, 50) / percentile(floor.overview, 50)).toFixed(2)}x, reconciliation ${(last.reconcile / floor.reconcile).toFixed(2)}x`,
  );

  // The queue with a long reader open: dead tuples it cannot let VACUUM remove.
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  await reader.query(`SELECT count(*) FROM "Order"`);
  const readerOpen = await time(RUNS * 5, () => claimOnce(db));
  await queueDeliveries(db, CHURN);
  for (let done = 0; done < CHURN; done += 1_000) {
    await raw.query(`UPDATE "Delivery" SET "status" = 'DELIVERED', "deliveredAt" = now() WHERE "id" IN (SELECT "id" FROM "Delivery" WHERE "status" = 'PENDING' AND "targetSystem" = 'WMS' ORDER BY "position" DESC LIMIT 1000)`);
  }
  await raw.query(`VACUUM "Delivery"`); // can remove nothing the reader can still see
  const churned = await time(RUNS * 5, () => claimOnce(db));
  await reader.query("COMMIT");
  await reader.end();
  await raw.query(`VACUUM "Delivery"`);
  const released = await time(RUNS * 5, () => claimOnce(db));
  await raw.end();
  console.log(`\nclaim with a REPEATABLE READ reader open: p50 ${percentile(readerOpen, 50).toFixed(2)} ms before ${CHURN.toLocaleString("en-US")} deliveries pass through the queue, ${percentile(churned, 50).toFixed(2)} ms after (${(percentile(churned, 50) / percentile(readerOpen, 50)).toFixed(1)}x); once the reader closes and VACUUM runs, ${percentile(released, 50).toFixed(2)} ms`);
});
