import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { NodeHealthTable } from "@/components/ops/node-health-table";
import { OrderSearchForm } from "@/components/ops/order-search-form";
import { ResyncAllButton } from "@/components/ops/resync-all-button";
import { busOverview } from "@/lib/bus/bus-overview";
import { formatDuration } from "@/lib/monitor/cascade/format-duration";
import { NODE_FAILURE_THRESHOLD, nodeHealth } from "@/lib/monitor/cascade/node-health";
import { findStuckOrders } from "@/lib/monitor/cascade/stuck-orders";
import { getDb } from "@/lib/platform/db/prisma";
import { openIncidents } from "@/lib/monitor/operations/alerts";
import { ActionForm } from "@/components/ui/action-form";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { plural } from "@/lib/platform/format/plural";
import { watchedOverview } from "@/lib/monitor/observations/watched-overview";
import { WatchedStackSection } from "@/components/ops/watched-stack-section";
import { resolveAlertAction } from "./actions";
import { openLateOrders } from "@/lib/monitor/late/open-late-orders";
import { formatStoreTime } from "@/lib/platform/format/store-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Operations" };

export default async function OpsOverviewPage() {
  await requireStaffPage(OPS_ROLES, "/ops");
  const db = getDb();
  const [{ bySystem, activeFaults: faults, rejectionsLast24h: rejections }, stuck, nodes, incidents, watched, late] = await Promise.all([
    busOverview(db),
    findStuckOrders(db),
    nodeHealth(db),
    openIncidents(db),
    watchedOverview(db),
    openLateOrders(db),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">Operations</h1>
        <OrderSearchForm />
      </div>

      {incidents.length > 0 ? (
        <section role="alert" aria-label="Open alerts" className="space-y-1 rounded-xl border-2 border-red-500 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">{plural(incidents.length, "open alert")}</p>
          <ul className="space-y-2">
            {incidents.map((incident) => (
              <li key={incident.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span>
                  {incident.message}{" "}
                  <span className="text-sm text-red-800">
                    (since {formatOpsTime(incident.openedAt)}
                    {incident.notifyError ? `; webhook failed: ${incident.notifyError}` : ""})
                  </span>
                </span>
                <ActionForm action={resolveAlertAction} submitLabel="Resolve" pendingLabel="Resolving…" danger buttonLabel={`Resolve: ${incident.message}`}>
                  <input type="hidden" name="id" value={incident.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
          <p className="text-sm text-red-800">An alert resolves itself when its condition clears; one resolved by hand stays quiet until it clears and comes back.</p>
        </section>
      ) : null}

      <section aria-labelledby="late-heading" className="space-y-3">
        <h2 id="late-heading" className="text-xl font-semibold">
          Late orders {late.length > 0 ? <span className="text-amber-700">({late.length})</span> : null}
        </h2>
        <DataTable
          caption="Orders not started in time or not ready by their promise, still not ready; the store owns the fix"
          headers={["Order", "Store", "Late because", "Promised", "Now ready by", "Late for"]}
          empty="No order is late: every open order was started in time and is within its promise."
          rows={late.map((order) => [
            <Link key="o" href={`/ops/orders/${order.orderNumber}`} className="whitespace-nowrap font-semibold text-brand-700 underline">
              H-{order.orderNumber}
            </Link>,
            `${order.storeName} (${order.storeCode})`,
            order.kind === "NOT_READY" ? "Not ready by its promise" : "Not started in time",
            formatStoreTime(order.promisedReadyAt, order.timeZone),
            order.revisedReadyAt ? formatStoreTime(order.revisedReadyAt, order.timeZone) : "—",
            formatDuration(Math.max(0, Math.round((now.getTime() - order.detectedAt.getTime()) / 1000))),
          ])}
        />
      </section>

      <section aria-labelledby="stuck-heading" className="space-y-3">
        <h2 id="stuck-heading" className="text-xl font-semibold">
          Stuck orders {stuck.length > 0 ? <span className="text-red-700">({stuck.length})</span> : null}
        </h2>
        <ResyncAllButton orderNumbers={stuck.map((order) => order.orderNumber)} label="Re-sync all stuck orders" />
        <DataTable
          caption="Orders with a step past its deadline, refused or dead-lettered, oldest first"
          headers={["Order", "Store", "Failure node", "Fix lane", "Owners", "Stuck for"]}
          empty="No order is stuck: every step arrived or is within its deadline."
          rows={stuck.map(({ orderNumber, storeCode, failure, stuckForSeconds }) => [
            <Link key="o" href={`/ops/orders/${orderNumber}`} className="whitespace-nowrap font-semibold text-brand-700 underline">
              H-{orderNumber}
            </Link>,
            storeCode,
            failure.node.label,
            failure.node.fixLane,
            failure.node.parties.join(", "),
            formatDuration(stuckForSeconds),
          ])}
        />
      </section>

      <section aria-labelledby="nodes-heading" className="space-y-3">
        <h2 id="nodes-heading" className="text-xl font-semibold">
          Chain nodes
        </h2>
        <NodeHealthTable nodes={nodes} threshold={NODE_FAILURE_THRESHOLD} />
      </section>

      <WatchedStackSection watched={watched} />

      <h2 className="text-xl font-semibold">Integration bus</h2>
      {faults > 0 ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {plural(faults, "injected fault")} {faults === 1 ? "is" : "are"} active. <Link href="/ops/faults" className="underline">Review faults</Link>
        </p>
      ) : null}
      <DataTable
        caption="Deliveries by receiving system"
        headers={["Receiving system", "Delivered, last 24 hours", "Waiting or retrying", "Dead-lettered"]}
        rows={bySystem.map(({ system, counts }) => [system, counts.DELIVERED, counts.PENDING, counts.DEAD])}
        empty="Nothing has been sent yet."
      />
      <p className="text-sm text-slate-600">Inbound events refused by the OMS in the last 24 hours: {rejections}.</p>
    </div>
  );
}
