import type { Db } from "@/lib/platform/db/prisma";
import { runReconciliation } from "./reconcile";
import { readEnv } from "@/lib/platform/env";
import { intervalStartedAfter } from "@/lib/platform/periodic-job";

/** How often the delivery worker reconciles on its own. */
export const RECONCILE_EVERY_MINUTES = readEnv().HANDOFF_RECONCILE_MINUTES;

// Several workers may run: an advisory lock around the check-and-create lets one of them
// start each scheduled run.
const RECONCILE_LOCK = 4_242_001;

/** Starts and runs a scheduled reconciliation unless another worker already started this one. */
export async function reconcileOnSchedule(db: Db, now = new Date(), scope: { storeId?: string } = {}): Promise<boolean> {
  const runId = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RECONCILE_LOCK}) AS "locked"`;
    if (!row?.locked) return null;
    const recent = await tx.reconciliationRun.count({
      where: { trigger: "scheduled", startedAt: { gt: intervalStartedAfter(now, RECONCILE_EVERY_MINUTES * 60_000) } },
    });
    if (recent > 0) return null;
    return (await tx.reconciliationRun.create({ data: { trigger: "scheduled", storeId: scope.storeId ?? null, startedAt: now } })).id;
  });
  if (!runId) return false;
  await runReconciliation(db, runId, { trigger: "scheduled", now, storeId: scope.storeId });
  return true;
}
