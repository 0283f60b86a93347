import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { watchedBoundaryLatency } from "@/lib/monitor/observations/watched-boundary-latency";

export const dynamic = "force-dynamic";

/** Per boundary of the watched stack, arrival latency p50/p95 by the logs' own clocks (last 24 hours and all kept). */
export async function GET(request: Request) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "read the watched stack");
  if (!caller.ok) return caller.response;
  return Response.json({ boundaries: await watchedBoundaryLatency(db) });
}
