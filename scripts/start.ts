// `npm start` / `npm run dev`: the database (embedded unless DATABASE_URL is set),
// migrations, demo data on an empty database, then Next.js. Ctrl-C stops it all.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { ensureSystemEndpoints, internalBaseUrl } from "@/lib/bus/endpoints";
import { startDeliveryWorker, type DeliveryWorker } from "@/lib/bus/worker";
import { deriveSecret, resolveAppSecret } from "@/lib/db/app-secret";
import { applyMigrations } from "@/lib/db/migrations";
import { disconnectDb, getDb } from "@/lib/db/prisma";
import { dataDirPath, resolveDatabase } from "@/lib/db/resolve-database";
import { readEnv } from "@/lib/env";
import { seedDemoData } from "@/prisma/demo/seed-demo";
import { buildIsStale } from "./lib/build-freshness";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (line: string) => console.log(`[handoff] ${line}`);
const env = readEnv();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const database = await resolveDatabase(env);
log(database.embedded ? `Embedded PostgreSQL is running (data in ${dataDirPath(env)}/postgres).` : "Using the database at DATABASE_URL.");

let stopping = false;
let worker: DeliveryWorker | undefined;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await worker?.stop().catch(() => {});
    await disconnectDb().catch(() => {});
    await database.stop().catch((error) => console.error(error));
  }
  process.exit(code);
}

try {
  const applied = await applyMigrations(database.url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  process.env.DATABASE_URL = database.url;
  process.env.HANDOFF_SECRET = await resolveAppSecret(env.HANDOFF_SECRET, dataDirPath(env));
  process.env.AUTH_SECRET ??= deriveSecret(process.env.HANDOFF_SECRET, "auth-session");
  if (process.env.HANDOFF_DEMO_DATA !== "off" && (await seedDemoData(getDb()))) log("Loaded the demo stores, products and stock.");
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

const server = spawn(process.execPath, [nextBin, mode, "-p", String(env.PORT)], { stdio: "inherit", env: process.env });
server.on("exit", (code) => void shutdown(code ?? 0));

// The delivery worker runs in this process once the app answers (its modules receive over HTTP).
if (await waitForApp(`${internalBaseUrl()}/api/health`)) {
  worker = await startDeliveryWorker(getDb(), { databaseUrl: database.url, log });
  log("Delivery worker is running.");
} else {
  log("The app did not answer in time; the delivery worker was not started.");
}

async function waitForApp(url: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log("Stopping…");
    server.kill("SIGTERM");
  });
}
