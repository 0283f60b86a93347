import type { Db } from "@/lib/platform/db/prisma";
import { busHealth, WORKER_STALE_SECONDS } from "./bus-health";

export type HealthReport = { status: 200 | 503; body: Record<string, unknown> };

/**
 * For load balancers, monitors and the start script. 503 whenever the database cannot be
 * read (unreachable, or lost between two queries); a stale worker or a growing outbox is
 * "degraded" with the figures.
 */
export async function healthReport(db: Db): Promise<HealthReport> {
  try {
    await db.$queryRaw`SELECT 1`;
    const bus = await busHealth(db);
    const workerAlive = bus.workerHeartbeatAgeSeconds !== null && bus.workerHeartbeatAgeSeconds < WORKER_STALE_SECONDS;
    return {
      status: 200,
      body: {
        status: workerAlive ? "ok" : "degraded",
        database: "reachable",
        worker: { alive: workerAlive, heartbeatAgeSeconds: bus.workerHeartbeatAgeSeconds },
        outboxLagSeconds: bus.outboxLagSeconds,
        deadLetters: bus.deadLetters,
      },
    };
  } catch {
    return { status: 503, body: { status: "error", database: "unreachable" } };
  }
}
