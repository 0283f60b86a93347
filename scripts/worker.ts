// `npm run worker`: a delivery worker on its own, for deployments with several app
// servers. Needs DATABASE_URL and HANDOFF_INTERNAL_URL (where the app answers).
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { startDeliveryWorker } from "@/lib/bus/worker";
import { PERIODIC_JOBS } from "@/lib/systems";
import { disconnectDb, getDb } from "@/lib/platform/db/prisma";
import { readEnv } from "@/lib/platform/env";

const env = readEnv();
if (!env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the database the app servers use (and HANDOFF_INTERNAL_URL to where they answer).");
  process.exit(2);
}
const log = (line: string) => console.log(`[worker] ${line}`);
await ensureSystemEndpoints(getDb());
const worker = await startDeliveryWorker(getDb(), { databaseUrl: env.DATABASE_URL, log, jobs: PERIODIC_JOBS });
log("Delivering outbox events. Ctrl-C stops.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    await disconnectDb();
    process.exit(0);
  });
}
