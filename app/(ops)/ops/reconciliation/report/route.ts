import { OPS_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { reconciliationReport } from "@/lib/monitor/cascade/reconciliation-report";
import { getDb } from "@/lib/platform/db/prisma";

const NOT_STORED = { "cache-control": "private, no-store" };

/** GET: the latest reconciliation run and its mismatch groups, for the page to poll (managers and admins). */
export async function GET() {
  if (!(await staffWithRole(OPS_ROLES))) return Response.json({ error: "Sign in as a manager or an admin." }, { status: 401, headers: NOT_STORED });
  return Response.json(await reconciliationReport(getDb()), { headers: NOT_STORED });
}
