import type { Metadata } from "next";
import { ReconciliationView } from "@/components/ops/reconciliation-view";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { RECONCILE_EVERY_MINUTES } from "@/lib/monitor/cascade/reconcile-schedule";
import { reconciliationReport } from "@/lib/monitor/cascade/reconciliation-report";
import { getDb } from "@/lib/platform/db/prisma";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reconciliation" };

export default async function ReconciliationPage() {
  await requireStaffPage(OPS_ROLES, "/ops/reconciliation");
  const report = await reconciliationReport(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Reconciliation</h1>
      <p className="max-w-3xl text-slate-600">
        Every {RECONCILE_EVERY_MINUTES} minutes, and on demand, Handoff compares what the OMS says about each open or recently closed order with
        what the storefront, WMS, POS and notification layer hold, names the node each difference implies, and re-sends what is missing.
      </p>
      <ReconciliationView initial={report} canRun />
    </div>
  );
}
