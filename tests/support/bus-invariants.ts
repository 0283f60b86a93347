import type { PrismaClient } from "@/lib/generated/prisma/client";

// What several app servers and workers on one database must keep, as lists of what broke
// (empty when nothing did): the several-processes test and `bench:propagation` with
// `--workers` both check them.

/** Every delivery of these orders arrived, each system holds one receipt per delivery, and each order's events reached each system in outbox order. */
export async function deliveryViolations(db: PrismaClient, orderIds: string[]): Promise<string[]> {
  const violations: string[] = [];
  const deliveries = await db.delivery.findMany({ where: { orderId: { in: orderIds } }, select: { orderId: true, targetSystem: true, position: true, status: true, deliveredAt: true, outboxEventId: true } });
  const undelivered = deliveries.filter((delivery) => delivery.status !== "DELIVERED");
  if (undelivered.length) violations.push(`${undelivered.length} of ${deliveries.length} deliveries not delivered`);
  const bySystem = new Map<string, string[]>();
  // The OMS's inbound API keys its receipts by sender and webhook id; the modules by webhook id.
  const receiptKey = (system: string, id: string) => (system === "OMS" ? `POS:${id}` : id);
  for (const delivery of deliveries) bySystem.set(delivery.targetSystem, [...(bySystem.get(delivery.targetSystem) ?? []), receiptKey(delivery.targetSystem, delivery.outboxEventId)]);
  for (const [system, webhookIds] of bySystem) {
    let receipts = 0;
    for (let i = 0; i < webhookIds.length; i += 10_000) {
      receipts += await db.inboxReceipt.count({ where: { system: system as never, webhookId: { in: webhookIds.slice(i, i + 10_000) } } });
    }
    if (receipts !== webhookIds.length) violations.push(`${system}: ${receipts} receipts for ${webhookIds.length} deliveries`);
  }
  const byStream = new Map<string, typeof deliveries>();
  for (const delivery of deliveries) {
    const stream = `${delivery.orderId}:${delivery.targetSystem}`;
    byStream.set(stream, [...(byStream.get(stream) ?? []), delivery]);
  }
  let outOfOrder = 0;
  for (const stream of byStream.values()) {
    const arrivals = stream.sort((a, b) => Number(a.position - b.position)).map((delivery) => delivery.deliveredAt?.getTime() ?? Infinity);
    if (arrivals.some((arrival, i) => i > 0 && arrival < arrivals[i - 1]!)) outOfOrder++;
  }
  if (outOfOrder) violations.push(`${outOfOrder} order-and-system streams arrived out of outbox order`);
  return violations;
}

/** No two scheduled runs of a job within one interval's window (the interval less half of it), and no more runs than intervals since `since`. */
export async function scheduledRunViolations(db: PrismaClient, since: Date, intervals: { reconcileMs: number; accuracyMs: number }): Promise<string[]> {
  const violations: string[] = [];
  const elapsedMs = Date.now() - since.getTime();
  const jobs = [
    ["reconciliation", await db.reconciliationRun.findMany({ where: { trigger: "scheduled" }, orderBy: { startedAt: "asc" } }), intervals.reconcileMs],
    ["inventory accuracy", await db.inventoryAccuracyRun.findMany({ where: { trigger: "scheduled" }, orderBy: { startedAt: "asc" } }), intervals.accuracyMs],
  ] as const;
  for (const [job, runs, everyMs] of jobs) {
    for (let i = 1; i < runs.length; i++) {
      const gap = runs[i]!.startedAt.getTime() - runs[i - 1]!.startedAt.getTime();
      if (gap < everyMs / 2) violations.push(`${job}: two scheduled runs ${gap} ms apart (every ${everyMs} ms)`);
    }
    if (runs.length > Math.floor(elapsedMs / (everyMs / 2)) + 1) violations.push(`${job}: ${runs.length} scheduled runs in ${elapsedMs} ms (every ${everyMs} ms)`);
  }
  return violations;
}
