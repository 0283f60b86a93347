import { CHAIN_STEPS } from "@/lib/bus/chain-steps";
import type { StepId } from "@/lib/bus/chain-catalogue";
import { nodeOfStep } from "@/lib/monitor/cascade/failure-nodes";
import type { Db } from "@/lib/platform/db/prisma";

export type LatencyFigures = { arrivals: number; late: number; p50Ms: number; p95Ms: number };

export type BoundaryLatency = {
  step: StepId;
  /** The boundary as the node table names it: "Pickup node 2 — POS → OMS pickup write-back". */
  boundary: string;
  event: string;
  last24h: LatencyFigures | null;
  kept: LatencyFigures | null;
};

type Row = { stepId: string; recent: boolean; arrivals: number; late: number; p50: number; p95: number };

/**
 * Per boundary of the watched stack, how long its crossings took by the logs' own clocks:
 * p50 and p95 over the arrivals of the last 24 hours and over all kept (the retention),
 * with how many arrived after their deadline. Boundaries in catalogue order.
 */
export async function watchedBoundaryLatency(db: Db, now = new Date()): Promise<BoundaryLatency[]> {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const rows = await db.$queryRaw<Row[]>`
    SELECT "stepId", recent, count(*)::int AS arrivals, count("lateBySeconds")::int AS late,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs")::float8 AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs")::float8 AS p95
      FROM "WatchedArrival", LATERAL (VALUES (true), (false)) AS windows(recent)
     WHERE NOT recent OR "arrivedAt" >= ${dayAgo}::timestamp
     GROUP BY "stepId", recent`;
  const figures = (step: string, recent: boolean): LatencyFigures | null => {
    const row = rows.find((candidate) => candidate.stepId === step && candidate.recent === recent);
    return row ? { arrivals: row.arrivals, late: row.late, p50Ms: Math.round(row.p50), p95Ms: Math.round(row.p95) } : null;
  };
  const seen = new Set(rows.map((row) => row.stepId));
  return CHAIN_STEPS.filter((step) => seen.has(step.id)).map((step) => ({
    step: step.id,
    boundary: nodeOfStep(step.id).boundary,
    event: step.event,
    last24h: figures(step.id, true),
    kept: figures(step.id, false),
  }));
}
