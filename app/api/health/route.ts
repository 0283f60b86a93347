import { getDb } from "@/lib/platform/db/prisma";
import { healthReport } from "@/lib/monitor/operations/health-report";

export const dynamic = "force-dynamic";

/** `200 {"status":"ok"|"degraded",…}`, or `503` when the database cannot be read. */
export async function GET() {
  try {
    const report = await healthReport(getDb());
    return Response.json(report.body, { status: report.status });
  } catch {
    // Not even a client could be made (no DATABASE_URL): as unreachable as it gets.
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
