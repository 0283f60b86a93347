import type { Db } from "@/lib/platform/db/prisma";
import { nodeDetails } from "@/lib/monitor/cascade/failure-nodes";
import { watchedBoundaryLatency } from "./watched-boundary-latency";
import { watchedNodeHealth } from "./watched-node-health";

/** The watched stack at a glance: how many orders are healthy, in flight and broken, its nodes' health and boundaries' latency, and the broken orders oldest first. */
export async function watchedOverview(db: Db, limit = 100) {
  const [counts, nodes, latency, stuck] = await Promise.all([
    db.watchedOrder.groupBy({ by: ["state"], _count: { _all: true } }),
    watchedNodeHealth(db),
    watchedBoundaryLatency(db),
    db.watchedOrder.findMany({ where: { state: "broken" }, orderBy: [{ stuckSince: "asc" }, { orderRef: "asc" }], take: limit }),
  ]);
  const count = (state: string) => counts.find((row) => row.state === state)?._count._all ?? 0;
  return {
    healthy: count("healthy"),
    inFlight: count("in_flight"),
    broken: count("broken"),
    nodes,
    latency,
    stuck: stuck.map((order) => ({
      order: order.orderRef,
      node: { id: order.nodeId!, label: order.nodeLabel!, ...nodeDetails(order.nodeId!) },
      missing: order.missing ?? "",
      stuckSince: order.stuckSince,
    })),
  };
}
