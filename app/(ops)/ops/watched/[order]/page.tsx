import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { segmentValue } from "@/lib/platform/http/path-segment";
import { isUnsafeText } from "@/lib/platform/http/unsafe-text";
import { watchedOrderView } from "@/lib/monitor/observations/watched-order-view";
import { formatDuration, formatLatency } from "@/lib/monitor/cascade/format-duration";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Watched order" };

const STATE_LABELS: Record<string, string> = {
  arrived: "Arrived",
  late: "Late",
  pending: "Pending (within its deadline)",
  missing: "Missing",
  wrong_type: "Processed as the wrong type",
};

const ORDER_STATES: Record<string, string> = { healthy: "Healthy", in_flight: "In flight: every open step is within its deadline", broken: "Broken" };

/** A watched order's cascade from its systems' own lines: each expected step, when it was due, when it arrived. */
export default async function WatchedOrderPage({ params }: PageProps<"/ops/watched/[order]">) {
  const order = segmentValue((await params).order);
  await requireStaffPage(OPS_ROLES, `/ops/watched/${encodeURIComponent(order)}`);
  const view = order.length > 100 || isUnsafeText(order) ? null : await watchedOrderView(getDb(), order);
  if (!view) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Watched order not found</h1>
        <p>No observed line mentions order {order}.</p>
        <Link href="/ops" className="underline">
          Back to the overview
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Watched order {view.order}</h1>
        {view.aliases.length > 0 ? <p className="text-slate-600">Also known as {view.aliases.join(", ")}</p> : null}
        <p className="text-slate-600">
          {ORDER_STATES[view.state]} · judged {formatOpsTime(view.judgedAt)}
        </p>
      </div>
      {view.node ? (
        <section role="alert" aria-label="Failure node" className="space-y-1 rounded-xl border-2 border-red-500 bg-red-50 p-4 text-red-950">
          <p className="text-lg font-semibold">{view.node.label}</p>
          <p>{view.missing}</p>
          <p>
            Fix lane: {view.node.fixLane} · Owners: {view.node.parties.join(", ")}
          </p>
        </section>
      ) : null}
      <DataTable
        caption="Expected steps, from the systems' own lines"
        headers={["Chain", "Step", "Boundary", "Event", "Expected by", "Arrived", "Took", "State"]}
        empty="No chain is under way for this order yet."
        rows={view.steps.map((step) => [
          step.chain.toLowerCase().replace("_", "-"),
          step.step,
          step.source === step.target ? step.source : `${step.source} → ${step.target}`,
          step.event,
          formatOpsTime(step.expectedBy),
          step.arrivedAt ? formatOpsTime(step.arrivedAt) : "—",
          step.latencyMs !== null && step.source !== step.target ? formatLatency(step.latencyMs) : "",
          step.blockedBy
            ? `Waiting behind ${step.blockedBy}`
            : step.state === "late"
              ? `Late by ${formatDuration(step.lateBySeconds!)}`
              : step.state === "wrong_type"
                ? `Recorded as "${step.recordedAs}"`
                : STATE_LABELS[step.state],
        ])}
      />
    </div>
  );
}
