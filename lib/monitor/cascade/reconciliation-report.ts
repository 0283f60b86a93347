import type { Db } from "@/lib/platform/db/prisma";

export type RunReport = {
  id: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  total: number;
  checked: number;
  mismatchedOrders: number;
  resynced: number;
  stillFailing: number;
  error: string | null;
};

export type MismatchGroup = { nodeId: string; nodeLabel: string; orders: { orderNumber: number; system: string; expected: string; actual: string }[] };

const toReport = (run: Awaited<ReturnType<Db["reconciliationRun"]["findFirstOrThrow"]>>): RunReport => ({
  id: run.id,
  trigger: run.trigger,
  status: run.status,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  total: run.total,
  checked: run.checked,
  mismatchedOrders: run.mismatchedOrders,
  resynced: run.resynced,
  stillFailing: run.stillFailing,
  error: run.error,
});

/** The latest runs' reports, newest first, and the latest finished run's mismatches grouped by node. */
export async function reconciliationReport(db: Db, limit = 10): Promise<{ runs: RunReport[]; groups: MismatchGroup[] }> {
  const runs = await db.reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: limit });
  const latestDone = runs.find((run) => run.status === "done");
  const mismatches = latestDone ? await db.reconciliationMismatch.findMany({ where: { runId: latestDone.id }, orderBy: [{ nodeId: "asc" }, { orderNumber: "asc" }] }) : [];
  const groups = new Map<string, MismatchGroup>();
  for (const mismatch of mismatches) {
    const group = groups.get(mismatch.nodeId) ?? { nodeId: mismatch.nodeId, nodeLabel: mismatch.nodeLabel, orders: [] };
    group.orders.push({ orderNumber: mismatch.orderNumber, system: mismatch.system, expected: mismatch.expected, actual: mismatch.actual });
    groups.set(mismatch.nodeId, group);
  }
  return { runs: runs.map(toReport), groups: [...groups.values()].sort((a, b) => b.orders.length - a.orders.length) };
}
