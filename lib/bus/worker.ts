import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import type { Db } from "@/lib/platform/db/prisma";
import { reconcileOnSchedule, RECONCILE_EVERY_MINUTES } from "@/lib/monitor/cascade/reconcile-schedule";
import { pruneDeliveredStepBuckets } from "@/lib/monitor/cascade/node-health";
import { drainIntakeQueue } from "@/lib/oms/intake/intake-queue";
import { INVENTORY_ACCURACY_EVERY_HOURS, INVENTORY_ACCURACY_POLL_MS, inventoryAccuracyOnSchedule } from "@/lib/monitor/inventory-accuracy/inventory-accuracy-schedule";
import { ALERT_CHECK_MS, checkAlerts } from "@/lib/monitor/operations/check-alerts";
import { expireNoShows, sendPickupReminders } from "@/lib/oms/orders/no-show";
import { pruneRateLimits } from "@/lib/platform/security/rate-limit";
import { sendQueuedMessages } from "@/lib/notification/send-queued";
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
};

const MESSAGE_SWEEP_MS = 1_000;
/** How often the worker looks for pickup reminders due and holds that have run out. */
const HOLD_SWEEP_MS = 30_000;
/** How often the worker tells /api/health it is alive. */
const HEARTBEAT_MS = 5_000;
/** How often the worker looks for channel orders queued above their rate. */
const INTAKE_POLL_MS = 250;

/**
 * Delivers outbox events until stopped: woken within milliseconds by NOTIFY after a
 * commit, polling as the fallback. It also sends queued customer messages and, every
 * half minute, pickup reminders and no-shows whose hold has run out. It keeps up to `concurrency` deliveries in flight,
 * claiming more as soon as some finish, and is safe to run in several processes at once.
 */
export async function startDeliveryWorker(db: Db, options: WorkerOptions): Promise<DeliveryWorker> {
  const { concurrency = 32, pollMs = 1000, log = () => {} } = options;
  let running = true;
  let inFlight = 0;
  let lastSweep = 0;
  let lastHoldSweep = 0;
  let lastHeartbeat = 0;
  // The first scheduled reconciliation comes one interval after start, then every interval.
  let lastReconcile = Date.now();
  let reconciling: Promise<unknown> | null = null;
  // The database's last scheduled run decides whether an accuracy check is due; the worker only asks.
  let lastAccuracyPoll = Date.now();
  let checkingAccuracy: Promise<unknown> | null = null;
  let lastAlertCheck = Date.now();
  let lastIntakeCheck = 0;
  let intaking: Promise<unknown> | null = null;
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
        if (!reconciling && RECONCILE_EVERY_MINUTES > 0 && Date.now() - lastReconcile > RECONCILE_EVERY_MINUTES * 60_000) {
          lastReconcile = Date.now();
          // In the background: a long run must not hold up deliveries.
          reconciling = reconcileOnSchedule(db)
            .catch((error: unknown) => log(`[worker] reconciliation: ${(error as Error).message}`))
            .finally(() => {
              reconciling = null;
            });
        }
        if (!checkingAccuracy && INVENTORY_ACCURACY_EVERY_HOURS > 0 && Date.now() - lastAccuracyPoll > INVENTORY_ACCURACY_POLL_MS) {
          lastAccuracyPoll = Date.now();
          checkingAccuracy = inventoryAccuracyOnSchedule(db)
            .catch((error: unknown) => log(`[worker] inventory accuracy: ${(error as Error).message}`))
            .finally(() => {
              checkingAccuracy = null;
            });
        }
        if (!intaking && Date.now() - lastIntakeCheck > INTAKE_POLL_MS) {
          lastIntakeCheck = Date.now();
          // Channel orders queued above their rate, placed in the background beside deliveries.
          intaking = drainIntakeQueue(db)
            .then((handled) => {
              if (handled > 0) {
                lastIntakeCheck = 0;
                wake();
              }
            })
            .catch((error: unknown) => log(`[worker] intake: ${(error as Error).message}`))
            .finally(() => {
              intaking = null;
            });
        }
        if (Date.now() - lastAlertCheck > ALERT_CHECK_MS) {
          lastAlertCheck = Date.now();
          await checkAlerts(db).catch((error: unknown) => log(`[worker] alerts: ${(error as Error).message}`));
          await pruneDeliveredStepBuckets(db);
          await pruneRateLimits(db);
        }
        if (Date.now() - lastSweep > MESSAGE_SWEEP_MS) {
          lastSweep = Date.now();
          await sendQueuedMessages(db);
        }
        if (Date.now() - lastHoldSweep > HOLD_SWEEP_MS) {
          lastHoldSweep = Date.now();
          await sendPickupReminders(db);
          await expireNoShows(db);
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
      await Promise.allSettled([...inFlightWork, reconciling, checkingAccuracy, intaking]);
      await listener.end().catch(() => {});
      await db.workerHeartbeat.delete({ where: { workerId } }).catch(() => {});
    },
  };
}
