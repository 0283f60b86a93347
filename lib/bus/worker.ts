import pg from "pg";
import type { Db } from "@/lib/db/prisma";
import { sendQueuedMessages } from "@/lib/systems/notification/send-queued";
import { dispatchBatch } from "./dispatcher";
import { OUTBOX_CHANNEL } from "./outbox";

export type DeliveryWorker = { stop(): Promise<void>; wake(): void };

type WorkerOptions = {
  databaseUrl: string;
  /** Deliveries in flight at once. */
  batchSize?: number;
  /** Fallback poll when no wake-up arrives (retries come due, a NOTIFY was missed). */
  pollMs?: number;
  log?: (line: string) => void;
};

/**
 * Delivers outbox events until stopped: woken within milliseconds by NOTIFY after a
 * commit, polling as the fallback. Safe to run in several processes at once.
 */
export async function startDeliveryWorker(db: Db, options: WorkerOptions): Promise<DeliveryWorker> {
  const { batchSize = 16, pollMs = 1000, log = () => {} } = options;
  let running = true;
  let wakeUp: (() => void) | null = null;
  const wake = () => wakeUp?.();

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on("notification", wake);
  listener.on("error", (error) => log(`[worker] listener: ${error.message}`));
  await listener.connect();
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);

  const loop = (async () => {
    while (running) {
      let handled = 0;
      try {
        handled = await dispatchBatch(db, batchSize);
        await sendQueuedMessages(db);
      } catch (error) {
        log(`[worker] ${(error as Error).message}`);
      }
      if (handled === 0 && running) {
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
      await listener.end().catch(() => {});
    },
  };
}
