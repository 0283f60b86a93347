import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/auth/staff";
import { busOverview } from "@/lib/bus/bus-overview";
import { getDb } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Operations" };

export default async function OpsOverviewPage() {
  await requireStaffPage(OPS_ROLES, "/ops");
  const { bySystem, activeFaults: faults, rejectionsLast24h: rejections } = await busOverview(getDb());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Integration bus</h1>
      {faults > 0 ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {faults} injected {faults === 1 ? "fault is" : "faults are"} active. <Link href="/ops/faults" className="underline">Review faults</Link>
        </p>
      ) : null}
      <DataTable
        caption="Deliveries by receiving system"
        headers={["Receiving system", "Delivered", "Waiting or retrying", "Dead-lettered"]}
        rows={bySystem.map(({ system, counts }) => [system, counts.DELIVERED, counts.PENDING, counts.DEAD])}
        empty="Nothing has been sent yet."
      />
      <p className="text-sm text-slate-600">Inbound events refused by the OMS in the last 24 hours: {rejections}.</p>
    </div>
  );
}
