import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import type { Db } from "@/lib/platform/db/prisma";
import { readEnv } from "@/lib/platform/env";
import type { PeriodicJob } from "@/lib/platform/periodic-job";
import { claimDeliveries, processClaimed } from "./dispatcher";
import { OUTBOX_CHANNEL } from "./outbox";

export type DeliveryWorker = { stop(): Promise<void>; wake(): void };

type WorkerOptions = {
  databaseUrl: string;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** Fallback poll when no wake-up arrives (retries come due, a NOTIFY was missed). */
  pollMs?: number;
  log?: (line: string) => void;
  /** The systems' periodic work (lib/periodic-jobs.ts), run between deliveries. */
  jobs?: readonly PeriodicJob[];
};

/** How often the worker tells /api/health it is alive. */
const HEARTBEAT_MS = 5_000;

/**
 * Delivers outbox events until stopped: woken within milliseconds by NOTIFY after a
 * commit, polling as the fallback. Between deliveries it runs the systems' periodic jobs
 * (messages, holds, intake, reconciliation, …). It keeps up to `concurrency` deliveries in flight,
 * claiming more as soon as some finish, and is safe to run in several processes at once.
 */
export async function startDeliveryWorker(db: Db, options: WorkerOptions): Promise<DeliveryWorker> {
  // The window (HANDOFF_DELIVERIES_IN_FLIGHT, 128): under load each delivery waits a while in the
  // receivers' group commits, so at 32 the window, not the CPU, capped the bus (about 250/s on two
  // cores); at 128 it keeps up with 50 pickups/s. In flight costs sockets, not connections.
  const { concurrency = readEnv().HANDOFF_DELIVERIES_IN_FLIGHT, pollMs = 1000, log = () => {}, jobs = [] } = options;
  let running = true;
  let inFlight = 0;
  let lastHeartbeat = 0;
  const schedule = jobs
    .filter((job) => job.everyMs > 0)
    .map((job) => ({ job, lastRun: job.firstRun === "start" ? 0 : Date.now(), running: null as Promise<unknown> | null }));
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  const heartbeat = () =>
    db.workerHeartbeat.upsert({
      where: { workerId },
      create: { workerId, hostname: hostname(), pid: process.pid, startedAt, seenAt: new Date() },
      update: { seenAt: new Date() },
    });
  let pendingWake = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    pendingWake = true;
    wakeUp?.();
  };

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on("notification", wake);
  listener.on("error", (error) => log(`[worker] listener: ${error.message}`));
  await listener.connect();
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);

  // Under load, claim in batches of at least a quarter of the window rather than one by
  // one as each delivery finishes: the claim and its per-batch reads are shared.
  const minimumBatch = Math.max(1, Math.floor(concurrency / 4));
  const inFlightWork = new Set<Promise<unknown>>();
  const loop = (async () => {
    while (running) {
      pendingWake = false;
      let claimed = 0;
      try {
        const free = concurrency - inFlight;
        if (free >= minimumBatch || (free > 0 && inFlight === 0)) {
          const batch = await claimDeliveries(db, free);
          claimed = batch.length;
          if (claimed > 0) {
            inFlight += claimed;
            const work = processClaimed(db, batch)
              .catch((error: unknown) => log(`[worker] ${(error as Error).message}`))
              .finally(() => {
                inFlight -= claimed;
                inFlightWork.delete(work);
                wake();
              });
            inFlightWork.add(work);
          }
        }
        if (Date.now() - lastHeartbeat > HEARTBEAT_MS) {
          lastHeartbeat = Date.now();
          await heartbeat();
        }
        for (const entry of schedule) {
          if (entry.running || Date.now() - entry.lastRun <= entry.job.everyMs) continue;
          entry.lastRun = Date.now();
          const run = entry.job
            .run(db)
            .then((result) => {
              if (entry.job.moreToDo?.(result)) {
                entry.lastRun = 0;
                wake();
              }
            })
            .catch((error: unknown) => log(`[worker] ${entry.job.name}: ${(error as Error).message}`));
          if (entry.job.mode === "inline") await run;
          else
            entry.running = run.finally(() => {
              entry.running = null;
            });
        }
      } catch (error) {
        log(`[worker] ${(error as Error).message}`);
      }
      if (claimed === 0 && !pendingWake && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = null;
      }
    }
  })();

  return {
    wake,
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.allSettled([...inFlightWork, ...schedule.map((entry) => entry.running)]);
      await listener.end().catch(() => {});
      await db.workerHeartbeat.delete({ where: { workerId } }).catch(() => {});
    },
  };
}
