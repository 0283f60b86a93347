// `npm run bench:observations [-- --seconds 60 --senders 8 --batch 1000]`: log shippers
// posting a watched stack's lines to POST /api/v1/observations as they happen (shuffled,
// one line in ten sent twice), against the app as `npm start` runs it; every batch comes
// back with its orders' verdicts. The floor, in the same run: the same rows written by a
// bare script (one INSERT … unnest per batch, the same concurrency). Target: 5,000 lines/s.
import { spawn } from "node:child_process";
import http from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { percentile, withBenchDatabase } from "./bench-database";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "60" }, senders: { type: "string", default: "8" }, batch: { type: "string", default: "1000" }, port: { type: "string", default: "3211" } },
});
const SECONDS = Number(values.seconds);
const SENDERS = Number(values.senders);
const BATCH = Number(values.batch);
const PORT = Number(values.port);
const TARGET_LINES_PER_SECOND = 5_000;

type Line = { system: string; event: string; order: string; at: string; direction?: "sent"; aliases?: string[] };

/** One order's life as five systems log it: placed, ready, picked up; the storefront knows it by its own id. */
function orderLines(order: string, startedAt: number): Line[] {
  const at = (seconds: number) => new Date(startedAt + seconds * 1000).toISOString();
  const web = `#${order}`;
  return [
    { system: "oms", event: "order.created", order, aliases: [web], at: at(0) },
    ...["wms", "pos", "notification"].map((system) => ({ system, event: "order.created", order, at: at(1) })),
    { system: "storefront", event: "order.created", order: web, at: at(1) },
    { system: "pos", event: "order.ready", order, at: at(30) },
    { system: "pos", event: "order.ready", direction: "sent" as const, order, at: at(30) },
    ...["oms", "wms", "notification"].map((system) => ({ system, event: "order.ready", order, at: at(31) })),
    { system: "storefront", event: "order.ready", order: web, at: at(31) },
    { system: "pos", event: "pickup.completed", order, at: at(60) },
    { system: "pos", event: "pickup.completed", direction: "sent" as const, order, at: at(60) },
    { system: "oms", event: "pickup.completed", order, at: at(61) },
    { system: "oms", event: "order.picked_up", order, at: at(61) },
    { system: "wms", event: "order.picked_up", order, at: at(62) },
    { system: "storefront", event: "order.picked_up", order: web, at: at(62) },
    { system: "notification", event: "order.picked_up", order, at: at(63) },
    { system: "storefront", event: "inventory.consumed", order: web, at: at(64) },
  ];
}

/** A shipper's next batch: whole orders' lines, shuffled, one in ten twice (at-least-once delivery). */
function batchOf(sender: number, sequence: number): Line[] {
  const lines: Line[] = [];
  const startedAt = Date.now() - 600_000;
  for (let order = 0; lines.length < BATCH; order++) lines.push(...orderLines(`S${sender}-${sequence}-${order}`, startedAt));
  const batch = lines.slice(0, BATCH);
  for (let i = 0; i < batch.length; i += 10) batch.push(batch[i]!);
  return batch.sort(() => Math.random() - 0.5);
}

function post(path: string, key: string, body: string): Promise<{ status: number; ms: number; accepted: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`http://127.0.0.1:${PORT}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-length": String(Buffer.byteLength(body)) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        const accepted = res.statusCode === 200 ? ((JSON.parse(text) as { accepted: number; cascade: unknown[] }).accepted ?? 0) : 0;
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, accepted });
      });
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, accepted: 0 }));
    req.end(body);
  });
}

async function waitForApp(): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => http.get(`http://127.0.0.1:${PORT}/api/health`, (res) => (res.resume(), resolve(res.statusCode === 200))).on("error", () => resolve(false)));
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not start.");
}

/** Runs `send` from every sender, one batch after another, for `seconds`; the lines done and each batch's time. */
async function sustained(send: (sender: number, sequence: number) => Promise<{ ok: boolean; lines: number; ms: number }>) {
  const until = Date.now() + SECONDS * 1000;
  let lines = 0;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let sequence = 0; Date.now() < until; sequence++) {
        const outcome = await send(sender, sequence);
        latencies.push(outcome.ms);
        if (outcome.ok) lines += outcome.lines;
        else failures.set("failed", (failures.get("failed") ?? 0) + 1);
      }
    }),
  );
  return { linesPerSecond: lines / ((performance.now() - started) / 1000), lines, latencies: latencies.sort((a, b) => a - b), failures: [...failures.values()].reduce((a, b) => a + b, 0) };
}

await withBenchDatabase(async (db, url) => {
  const app = spawn(process.execPath, [new URL(import.meta.resolve("tsx/cli")).pathname, "scripts/start.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    // The upload gate as deployed: batches take their turn (HANDOFF_UPLOAD_CONCURRENCY, default 1).
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HANDOFF_DATA_DIR: ".data/bench-observations" },
  });
  try {
    await waitForApp();
    const keys = await Promise.all(Array.from({ length: SENDERS }, (_, i) => createApiKey(db, `shipper ${i}`).then((created) => created.key)));
    console.log(`\n${SENDERS} shippers, batches of ${BATCH} lines (+10% resent), for ${SECONDS} s each run…`);

    const api = await sustained(async (sender, sequence) => {
      const body = batchOf(sender, sequence).map((line) => JSON.stringify(line)).join("\n");
      const { status, ms, accepted } = await post("/api/v1/observations", keys[sender]!, body);
      return { ok: status === 200, lines: accepted, ms };
    });
    const judged = await db.watchedOrder.count();

    // The floor: the same rows, written straight into the table by a bare client.
    const pool = new pg.Pool({ connectionString: url, max: SENDERS });
    const floor = await sustained(async (sender, sequence) => {
      const lines = batchOf(sender + 1000, sequence);
      const started = performance.now();
      await pool.query(
        `INSERT INTO "Observation" ("id", "batchId", "system", "eventType", "direction", "orderRef", "observedAt")
         SELECT gen_random_uuid(), gen_random_uuid(), upper(l.system)::"SystemName", l.event, l.direction, l.ref, l.at::timestamptz AT TIME ZONE 'UTC'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS l(system, event, direction, ref, at)`,
        [lines.map((l) => l.system), lines.map((l) => l.event), lines.map((l) => l.direction ?? "received"), lines.map((l) => l.order), lines.map((l) => l.at)],
      );
      return { ok: true, lines: lines.length, ms: performance.now() - started };
    });
    await pool.end();

    const row = (label: string, run: Awaited<ReturnType<typeof sustained>>) =>
      console.log(`${label.padEnd(44)} ${run.linesPerSecond.toFixed(0).padStart(7)} lines/s   batch p50 ${percentile(run.latencies, 50).toFixed(0).padStart(5)} ms   p99 ${percentile(run.latencies, 99).toFixed(0).padStart(5)} ms${run.failures ? `   ${run.failures} failed` : ""}`);
    console.log("");
    row("API, lines kept and every order judged", api);
    row("bare INSERT of the same rows (the floor)", floor);
    console.log(`${api.lines.toLocaleString("en-US")} lines, ${judged.toLocaleString("en-US")} watched orders judged; ${(api.linesPerSecond / floor.linesPerSecond).toFixed(2)}× the floor`);
    console.log(`target ${TARGET_LINES_PER_SECOND.toLocaleString("en-US")} lines/s: ${api.linesPerSecond >= TARGET_LINES_PER_SECOND ? "met" : "NOT met"}`);
  } finally {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
});
