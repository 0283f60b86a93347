// `npm run bench:uploads [-- --clients 200 --megabytes 5 --senders 50]`: the storefront's home
// page (`GET /`) while many log shippers post big NDJSON uploads to POST /api/v1/observations
// at once, against the app as `npm start` runs it (production build, its own HTTP server).
// The floor, in the same run on the same server: `GET /` with nothing else going on.
// Target: p99 under load below 1 s.
import { spawn } from "node:child_process";
import http from "node:http";
import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { percentile, withBenchDatabase } from "./bench-database";

const { values } = parseArgs({
  options: { clients: { type: "string", default: "200" }, megabytes: { type: "string", default: "5" }, senders: { type: "string", default: "50" }, port: { type: "string", default: "3210" } },
});
const CLIENTS = Number(values.clients);
const BYTES = Number(values.megabytes) * 1024 * 1024;
const SENDERS = Number(values.senders);
const PORT = Number(values.port);
const TARGET_P99_MS = 1_000;
const base = `http://127.0.0.1:${PORT}`;

/** About `BYTES` of NDJSON: one sender's log of a few thousand orders, each seen by every system. */
function logBody(client: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  const at = Date.now() - 3_600_000;
  for (let order = 0; size < BYTES; order++) {
    for (const [system, event] of [["storefront", "order.created"], ["oms", "order.created"], ["wms", "inventory.reserved"], ["pos", "order.ready"]] as const) {
      const line = JSON.stringify({ system, event, order: `C${client}-${order}`, at: new Date(at + order * 1000).toISOString() });
      lines.push(line);
      size += line.length + 1;
    }
  }
  return Buffer.from(lines.join("\n"));
}

function request(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`${base}${path}`, { method, headers: { ...headers, ...(body ? { "content-length": String(body.length) } : {}) }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

async function waitForApp(): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if ((await request("GET", "/api/health")).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not start.");
}

/** `GET /` one after another (a shopper at a time) until `done` says stop; the latencies, sorted. */
async function sampleHome(done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!done()) {
    const { status, ms } = await request("GET", "/");
    if (status !== 200) throw new Error(`GET / answered ${status}`);
    latencies.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return latencies.sort((a, b) => a - b);
}

const show = (label: string, sorted: number[]) =>
  console.log(`${label.padEnd(36)} n ${String(sorted.length).padStart(4)}   p50 ${percentile(sorted, 50).toFixed(0).padStart(6)} ms   p99 ${percentile(sorted, 99).toFixed(0).padStart(6)} ms   max ${(sorted.at(-1) ?? 0).toFixed(0).padStart(6)} ms`);

await withBenchDatabase(async (db, url) => {
  const app = spawn(process.execPath, [createRequireTsx(), "scripts/start.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HANDOFF_DATA_DIR: ".data/bench-uploads" },
  });
  try {
    await waitForApp();
    const keys = await Promise.all(Array.from({ length: SENDERS }, (_, i) => createApiKey(db, `log shipper ${i}`).then((created) => created.key)));
    console.log(`\nPreparing ${CLIENTS} uploads of ${values.megabytes} MB from ${SENDERS} senders…`);
    const bodies = Array.from({ length: CLIENTS }, (_, client) => logBody(client));

    await request("GET", "/"); // the first render warms the route
    const idleUntil = Date.now() + 10_000;
    const idle = await sampleHome(() => Date.now() > idleUntil);

    let finished = 0;
    const statuses = new Map<number, number>();
    const started = performance.now();
    const uploads = Promise.all(
      bodies.map(async (body, client) => {
        const { status } = await request("POST", "/api/v1/observations", { authorization: `Bearer ${keys[client % SENDERS]}`, "content-type": "application/x-ndjson" }, body);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        finished++;
      }),
    );
    const loaded = await sampleHome(() => finished === CLIENTS);
    await uploads;
    const seconds = (performance.now() - started) / 1000;

    console.log("");
    show("GET /, idle (the floor)", idle);
    show(`GET /, ${CLIENTS} uploads in flight`, loaded);
    const rows = await db.observation.count();
    console.log(`uploads: ${[...statuses].map(([status, count]) => `${status}×${count}`).join(" ")} in ${seconds.toFixed(0)} s; ${rows.toLocaleString("en-US")} lines kept (${(rows / seconds).toFixed(0)}/s)`);
    const p99 = percentile(loaded, 99);
    console.log(`p99 under load ${p99.toFixed(0)} ms = ${(p99 / Math.max(1, percentile(idle, 99))).toFixed(1)}× idle; target below ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? "met" : "NOT met"}`);
  } finally {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
});

function createRequireTsx(): string {
  return new URL(import.meta.resolve("tsx/cli")).pathname;
}
