import { getDb } from "@/lib/db/prisma";
import { busHealth, WORKER_STALE_SECONDS } from "@/lib/operations/bus-health";

export const dynamic = "force-dynamic";

/**
 * For load balancers, monitors and the start script. 503 only when the database is
 * unreachable; a stale worker or a growing outbox shows as "degraded" with the figures.
 */
export async function GET() {
  const db = getDb();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
  const bus = await busHealth(db);
  const workerAlive = bus.workerHeartbeatAgeSeconds !== null && bus.workerHeartbeatAgeSeconds < WORKER_STALE_SECONDS;
  return Response.json({
    status: workerAlive ? "ok" : "degraded",
    database: "reachable",
    worker: { alive: workerAlive, heartbeatAgeSeconds: bus.workerHeartbeatAgeSeconds },
    outboxLagSeconds: bus.outboxLagSeconds,
    deadLetters: bus.deadLetters,
  });
}
