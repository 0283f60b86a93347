"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { resyncOrdersAction, runReconciliationAction } from "@/app/(ops)/ops/reconciliation/actions";
import { fetchView } from "@/lib/platform/http/fetch-view";
import type { MismatchGroup, RunReport } from "@/lib/monitor/cascade/reconciliation-report";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { plural } from "@/lib/platform/format/plural";
import { DataTable } from "./data-table";

type Report = { runs: RunReport[]; groups: MismatchGroup[] };

function Progress({ run }: { run: RunReport }) {
  const percent = run.total === 0 ? (run.status === "running" ? 0 : 100) : Math.round((run.checked / run.total) * 100);
  return (
    <div className="space-y-1">
      <div role="progressbar" aria-label="Reconciliation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600">
        {run.status === "running" ? `Checking… ${run.checked} of ${plural(run.total, "order")}` : `${plural(run.checked, "order")} checked`}
      </p>
    </div>
  );
}

/** Reconciliation on demand, with its progress, its reports and the mismatches it found by node. */
export function ReconciliationView({ initial, canRun }: { initial: Report; canRun: boolean }) {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ["reconciliation"],
    queryFn: () => fetchView<Report>("/ops/reconciliation/report"),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.runs[0]?.status === "running" ? 1_000 : 10_000),
  });
  const report = data ?? initial;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["reconciliation"] });
  const start = useMutation({ mutationFn: () => runReconciliationAction(), onSettled: refresh });
  const resync = useMutation({ mutationFn: (orderNumbers: number[]) => resyncOrdersAction({ orderNumbers }), onSettled: refresh });
  const latest = report.runs[0];
  const outcome = start.data ?? resync.data;

  return (
    <div className="space-y-6">
      {canRun ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => start.mutate()}
            disabled={start.isPending || latest?.status === "running"}
            className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Run reconciliation now
          </button>
          {outcome ? (
            <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "text-emerald-700" : "text-red-700"}>
              {outcome.message}
            </p>
          ) : null}
        </div>
      ) : null}
      {latest ? <Progress run={latest} /> : <p className="text-slate-600">No reconciliation has run yet.</p>}

      <section aria-labelledby="mismatch-heading" className="space-y-3">
        <h2 id="mismatch-heading" className="text-xl font-semibold">
          Mismatches in the latest finished run
        </h2>
        {report.groups.length === 0 ? <p className="text-slate-600">None: every system agreed with the OMS.</p> : null}
        {report.groups.map((group) => (
          <article key={group.nodeId} aria-label={group.nodeLabel} className="space-y-2 rounded-xl border border-red-200 bg-white p-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h3 className="font-semibold">
                {group.nodeLabel} — {plural(group.orders.length, "order")}
              </h3>
              {canRun ? (
                <button
                  type="button"
                  onClick={() => resync.mutate([...new Set(group.orders.map((order) => order.orderNumber))])}
                  disabled={resync.isPending}
                  aria-label={`Re-sync all ${group.orders.length} at ${group.nodeLabel}`}
                  className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
                >
                  Re-sync all
                </button>
              ) : null}
            </div>
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {group.orders.map((order) => (
                <li key={`${order.orderNumber}-${order.system}`}>
                  <Link href={`/ops/orders/${order.orderNumber}`} className="font-medium text-brand-700 underline">
                    H-{order.orderNumber}
                  </Link>{" "}
                  {order.system}: expected {order.expected}, found {order.actual}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>

      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="text-xl font-semibold">
          Reports
        </h2>
        <DataTable
          caption="Reconciliation runs, newest first"
          headers={["Started", "Trigger", "Status", "Checked", "Mismatched", "Re-synced", "Still failing"]}
          empty="No reconciliation has run yet."
          rows={report.runs.map((run) => [
            formatOpsTime(run.startedAt),
            run.trigger,
            run.status === "failed" ? `failed: ${run.error}` : run.status,
            run.checked,
            run.mismatchedOrders,
            run.resynced,
            run.stillFailing,
          ])}
        />
      </section>
    </div>
  );
}
