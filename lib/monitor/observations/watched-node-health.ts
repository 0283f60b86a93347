import type { NodeCounts } from "@/lib/monitor/cascade/node-health";
import type { Db } from "@/lib/platform/db/prisma";

export type WatchedNodeHealth = {
  /** "watched:" and the node's id, so its alert is never confused with Handoff's own node. */
  id: string;
  nodeId: string;
  label: string;
  lastHour: NodeCounts & { failureRate: number };
  last24h: NodeCounts & { failureRate: number };
};

const counts = (stuck: number, settled: number): NodeCounts & { failureRate: number } => ({
  delivered: settled - stuck,
  late: stuck,
  retrying: 0,
  deadLettered: 0,
  rejected: 0,
  inFlight: 0,
  failureRate: settled === 0 ? 0 : stuck / settled,
});

/**
 * Per node, the watched orders stuck there among those settled (healthy or broken) whose
 * last line came in the last hour and the last 24 hours, by the stack's own clock.
 */
export async function watchedNodeHealth(db: Db, now = new Date()): Promise<WatchedNodeHealth[]> {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const rows = await db.$queryRaw<{ nodeId: string | null; nodeLabel: string | null; recent: boolean; count: bigint }[]>`
    SELECT "nodeId", "nodeLabel", "lastSeenAt" >= ${hourAgo}::timestamp AS "recent", COUNT(*) AS "count"
      FROM "WatchedOrder"
     WHERE "lastSeenAt" >= ${dayAgo}::timestamp AND "state" IN ('healthy', 'broken')
     GROUP BY 1, 2, 3`;
  const settled = { hour: 0, day: 0 };
  const stuck = new Map<string, { label: string; hour: number; day: number }>();
  for (const row of rows) {
    const count = Number(row.count);
    settled.day += count;
    if (row.recent) settled.hour += count;
    if (!row.nodeId) continue;
    const node = stuck.get(row.nodeId) ?? { label: row.nodeLabel ?? row.nodeId, hour: 0, day: 0 };
    node.day += count;
    if (row.recent) node.hour += count;
    stuck.set(row.nodeId, node);
  }
  return [...stuck]
    .map(([nodeId, node]) => ({ id: `watched:${nodeId}`, nodeId, label: `Watched stack — ${node.label}`, lastHour: counts(node.hour, settled.hour), last24h: counts(node.day, settled.day) }))
    .sort((a, b) => b.last24h.late - a.last24h.late || a.nodeId.localeCompare(b.nodeId));
}
