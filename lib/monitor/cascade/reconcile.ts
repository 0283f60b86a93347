import type { Db } from "@/lib/platform/db/prisma";
import { OPEN_ORDER_STATUSES } from "@/lib/oms/orders/order-status";
import { compareOrders } from "./compare-orders";
import { resyncAndConfirm } from "./resync-and-confirm";
import { readEnv } from "@/lib/platform/env";

/** Orders whose last change is younger than this are still settling: events may be in flight. */
export const RECONCILE_GRACE_SECONDS = readEnv().HANDOFF_RECONCILE_GRACE_SECONDS;
/** Closed orders are compared for this long after they closed. */
const RECENTLY_CLOSED_HOURS = 24;
const BATCH = 200;

export type ReconcileOptions = {
  trigger: "scheduled" | "manual";
  now?: Date;
  storeId?: string;
  graceSeconds?: number;
  /** Re-send what mismatched orders are missing (on unless only a report is wanted). */
  resync?: boolean;
  /** How long to wait for re-sent deliveries to arrive before counting an order as still failing. */
  confirmWithinMs?: number;
};

/** Starts a run and returns its id at once; the work continues in the background. */
export async function startReconciliation(db: Db, options: ReconcileOptions): Promise<string> {
  const run = await db.reconciliationRun.create({ data: { trigger: options.trigger, storeId: options.storeId ?? null } });
  void runReconciliation(db, run.id, options).catch(() => {});
  return run.id;
}

/**
 * One reconciliation pass: for open and recently closed orders that have settled,
 * compare the OMS with the storefront, WMS, POS and notification layer; record each
 * mismatch with the node it implies; re-send what can be re-sent (idempotently) and
 * confirm it arrived; and leave a report of checked, mismatched, re-synced (confirmed)
 * and still failing orders.
 */
export async function runReconciliation(db: Db, runId: string, options: ReconcileOptions) {
  const now = options.now ?? new Date();
  try {
    const settled = new Date(now.getTime() - (options.graceSeconds ?? RECONCILE_GRACE_SECONDS) * 1000);
    const where = {
      updatedAt: { lte: settled },
      OR: [{ status: { in: OPEN_ORDER_STATUSES } }, { updatedAt: { gte: new Date(now.getTime() - RECENTLY_CLOSED_HOURS * 3_600_000) } }],
      ...(options.storeId ? { storeId: options.storeId } : {}),
    };
    // The orders to compare, read once by their indexes (status, last change): walking every
    // order by id would read the whole history, which grows for as long as orders are kept.
    const candidates = await db.order.findMany({ where, select: { id: true, number: true, status: true }, orderBy: { id: "asc" } });
    await db.reconciliationRun.update({ where: { id: runId }, data: { total: candidates.length } });
    let checked = 0;
    let mismatchedOrders = 0;
    let resynced = 0;
    let stillFailing = 0;
    for (let start = 0; start < candidates.length; start += BATCH) {
      const orders = candidates.slice(start, start + BATCH);
      const found = await compareOrders(db, orders);
      await db.reconciliationMismatch.createMany({
        data: found.flatMap(({ order, mismatches }) =>
          mismatches.map((mismatch) => ({
            runId,
            orderId: order.id,
            orderNumber: order.number,
            system: mismatch.system,
            nodeId: mismatch.node.id,
            nodeLabel: mismatch.node.label,
            expected: mismatch.expected,
            actual: mismatch.actual,
          })),
        ),
      });
      if (options.resync !== false && found.length > 0) {
        // Counted as re-synced only once what was sent has arrived and the systems agree.
        const outcomes = await resyncAndConfirm(db, found.map(({ order }) => order.id), { now, confirmWithinMs: options.confirmWithinMs });
        const healed = outcomes.filter((outcome) => outcome.healed).length;
        resynced += healed;
        stillFailing += found.length - healed;
      }
      checked += orders.length;
      mismatchedOrders += found.length;
      await db.reconciliationRun.update({ where: { id: runId }, data: { checked, mismatchedOrders, resynced, stillFailing } });
    }
    await db.reconciliationRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date() } });
  } catch (error) {
    await db.reconciliationRun.update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date(), error: String((error as Error).message ?? error).slice(0, 500) } });
    throw error;
  }
}
