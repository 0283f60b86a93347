import { getDb } from "@/lib/db/prisma";
import { handoffMetrics } from "@/lib/operations/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (text exposition format). Counts only: no customer data. */
export async function GET() {
  const metrics = handoffMetrics(getDb);
  return new Response(await metrics.scrape(), { headers: { "content-type": metrics.registry.contentType } });
}
