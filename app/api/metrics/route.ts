import { getDb } from "@/lib/platform/db/prisma";
import { readEnv } from "@/lib/platform/env";
import { metricsAccess } from "@/lib/monitor/operations/metrics-access";
import { handoffMetrics } from "@/lib/monitor/operations/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (text exposition format): counts only, to this host or with the metrics token. */
export async function GET(request: Request) {
  const access = metricsAccess(request.headers, readEnv().HANDOFF_METRICS_TOKEN);
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status });
  const metrics = handoffMetrics(getDb);
  return new Response(await metrics.scrape(), { headers: { "content-type": metrics.registry.contentType } });
}
