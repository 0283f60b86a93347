import type { Db } from "@/lib/platform/db/prisma";
import { runInventoryAccuracy } from "./run-inventory-accuracy";
import { readEnv } from "@/lib/platform/env";
import { intervalStartedAfter } from "@/lib/platform/periodic-job";

/** How often the delivery worker checks inventory accuracy on its own; 0 turns it off. */
export const INVENTORY_ACCURACY_EVERY_HOURS = readEnv().HANDOFF_INVENTORY_ACCURACY_HOURS;
/**
 * How often the worker asks whether a run is due. The database's last scheduled run decides,
 * so a worker restarted more often than the interval still lets the daily run happen.
 */
export const INVENTORY_ACCURACY_POLL_MS = Math.min(10 * 60_000, INVENTORY_ACCURACY_EVERY_HOURS * 3_600_000);

// Several workers may run: an advisory lock around the check-and-create lets one of them
// start each scheduled run.
const INVENTORY_ACCURACY_LOCK = 4_242_002;

/** Starts and runs a scheduled accuracy check unless another worker already started this interval's. */
export async function inventoryAccuracyOnSchedule(db: Db, now = new Date(), scope: { storeId?: string } = {}): Promise<boolean> {
  const runId = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${INVENTORY_ACCURACY_LOCK}) AS "locked"`;
    if (!row?.locked) return null;
    const recent = await tx.inventoryAccuracyRun.count({
      where: { trigger: "scheduled", startedAt: { gt: intervalStartedAfter(now, INVENTORY_ACCURACY_EVERY_HOURS * 3_600_000) } },
    });
    if (recent > 0) return null;
    return (await tx.inventoryAccuracyRun.create({ data: { trigger: "scheduled", storeId: scope.storeId ?? null, startedAt: now } })).id;
  });
  if (!runId) return false;
  await runInventoryAccuracy(db, runId, { trigger: "scheduled", now, storeId: scope.storeId });
  return true;
}
