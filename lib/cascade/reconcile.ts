import type { Db } from "@/lib/db/prisma";
import { compareSystems, type Mismatch } from "./compare-systems";
import { orderSnapshot } from "./order-snapshot";
import { resyncOrder } from "./resync-order";

/** Orders whose last change is younger than this are still settling: events may be in flight. */
export const RECONCILE_GRACE_SECONDS = Number(process.env.HANDOFF_RECONCILE_GRACE_SECONDS ?? 120);
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
 * mismatch with the node it implies; re-send what can be re-sent (idempotently); and
 * leave a report of checked, mismatched, re-synced and still failing orders.
 */
export async function runReconciliation(db: Db, runId: string, options: ReconcileOptions) {
  const now = options.now ?? new Date();
  try {
    const settled = new Date(now.getTime() - (options.graceSeconds ?? RECONCILE_GRACE_SECONDS) * 1000);
    const where = {
      updatedAt: { lte: settled },
      OR: [{ status: { in: ["PLACED" as const, "PICKING" as const, "READY" as const] } }, { updatedAt: { gte: new Date(now.getTime() - RECENTLY_CLOSED_HOURS * 3_600_000) } }],
      ...(options.storeId ? { storeId: options.storeId } : {}),
    };
    const total = await db.order.count({ where });
    await db.reconciliationRun.update({ where: { id: runId }, data: { total } });
    let checked = 0;
    let mismatchedOrders = 0;
    let resynced = 0;
    let stillFailing = 0;
    let cursor: string | undefined;
    for (;;) {
      const orders = await db.order.findMany({
        where,
        select: { id: true, number: true, status: true },
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (orders.length === 0) break;
      cursor = orders.at(-1)!.id;
      const found = await compareBatch(db, orders);
      for (const { order, mismatches } of found) {
        await db.reconciliationMismatch.createMany({
          data: mismatches.map((mismatch) => ({
            runId,
            orderId: order.id,
            orderNumber: order.number,
            system: mismatch.system,
            nodeId: mismatch.node.id,
            nodeLabel: mismatch.node.label,
            expected: mismatch.expected,
            actual: mismatch.actual,
          })),
        });
        if (options.resync === false) continue;
        const { replayed, hurried } = await resyncOrder(db, order.id, now);
        if (replayed + hurried > 0) resynced++;
        else stillFailing++;
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

/** Reads what each system holds for a batch of orders (one query per system) and compares. */
async function compareBatch(db: Db, orders: { id: string; number: number; status: Parameters<typeof compareSystems>[0]["status"] }[]) {
  const ids = orders.map((order) => order.id);
  const [views, allocations, tasks, messages, steps, pickupDeliveries] = await Promise.all([
    db.storefrontOrderView.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, status: true } }),
    db.wmsAllocation.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, status: true, stagingBin: true } }),
    db.posOrderTask.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, status: true, stagingBin: true } }),
    db.notificationMessage.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, kind: true } }),
    db.chainStep.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, chain: true, stepNumber: true, status: true } }),
    db.delivery.findMany({ where: { orderId: { in: ids }, chain: "PICKUP", stepNumber: 2 }, select: { orderId: true, attempts: true, status: true } }),
  ]);
  const found: { order: (typeof orders)[number]; mismatches: Mismatch[] }[] = [];
  for (const order of orders) {
    const mismatches = compareSystems(
      orderSnapshot({
        status: order.status,
        storefrontView: views.find((view) => view.orderId === order.id)?.status ?? null,
        allocations: allocations.filter((allocation) => allocation.orderId === order.id),
        task: tasks.find((task) => task.orderId === order.id),
        messageKinds: messages.filter((message) => message.orderId === order.id).map((message) => message.kind),
        steps: steps.filter((step) => step.orderId === order.id),
        pickupDelivery: pickupDeliveries.find((delivery) => delivery.orderId === order.id),
      }),
    );
    if (mismatches.length > 0) found.push({ order, mismatches });
  }
  return found;
}
