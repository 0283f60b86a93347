import Link from "next/link";
import { DataTable } from "./data-table";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { formatLatency } from "@/lib/monitor/cascade/format-duration";
import type { watchedOverview } from "@/lib/monitor/observations/watched-overview";

type Props = { watched: Awaited<ReturnType<typeof watchedOverview>> };

const count = (n: number) => n.toLocaleString("en-US");

/** The stack Handoff only watches, kept apart from its own: its orders by state and the broken ones with their nodes. */
export function WatchedStackSection({ watched }: Props) {
  const total = watched.healthy + watched.inFlight + watched.broken;
  return (
    <section aria-labelledby="watched-heading" className="space-y-3">
      <h2 id="watched-heading" className="text-xl font-semibold">
        Watched stack {watched.broken > 0 ? <span className="text-red-700">({count(watched.broken)} stuck)</span> : null}
      </h2>
      <p className="text-slate-600">
        {total === 0 ? (
          <>
            No watched orders yet: send your systems&apos; lines to <code className="rounded bg-slate-100 px-1">POST /api/v1/observations</code> or{" "}
            <Link href="/ops/observations" className="underline">
              upload a log
            </Link>
            .
          </>
        ) : (
          `${count(total)} watched ${total === 1 ? "order" : "orders"}: ${count(watched.healthy)} healthy, ${count(watched.inFlight)} in flight (within their deadlines), ${count(watched.broken)} broken.`
        )}
      </p>
      {watched.nodes.length > 0 ? (
        <DataTable
          caption="Watched nodes: orders stuck at each, among the watched orders settled in the window"
          headers={["Node", "Stuck, last hour", "Share, last hour", "Stuck, 24 hours", "Share, 24 hours"]}
          empty=""
          rows={watched.nodes.map((node) => [
            node.label.replace(/^Watched stack — /, ""),
            count(node.lastHour.late),
            `${(node.lastHour.failureRate * 100).toFixed(0)}%`,
            count(node.last24h.late),
            `${(node.last24h.failureRate * 100).toFixed(0)}%`,
          ])}
        />
      ) : null}
      {watched.latency.length > 0 ? (
        <DataTable
          caption="Watched boundaries: how long each crossing took, by the logs' own clocks"
          headers={["Boundary", "Event", "Arrivals, 24 hours", "p50, 24 hours", "p95, 24 hours", "Late, 24 hours", "p50, all kept", "p95, all kept"]}
          empty=""
          rows={watched.latency.map((row) => [
            row.boundary,
            <code key="e">{row.event}</code>,
            count(row.last24h?.arrivals ?? 0),
            row.last24h ? formatLatency(row.last24h.p50Ms) : "—",
            row.last24h ? formatLatency(row.last24h.p95Ms) : "—",
            count(row.last24h?.late ?? 0),
            row.kept ? formatLatency(row.kept.p50Ms) : "—",
            row.kept ? formatLatency(row.kept.p95Ms) : "—",
          ])}
        />
      ) : null}
      {total > 0 ? (
        <div className="flex flex-wrap items-end justify-between gap-4">
          <form method="get" action="/ops/watched" className="flex items-end gap-2">
            <label className="text-sm font-medium">
              Watched order id
              <input name="order" required maxLength={100} placeholder="SO-88213 or #W1001" className="mt-1 block min-h-11 w-64 rounded-lg border border-slate-300 bg-white px-3" />
            </label>
            <button type="submit" className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-50">
              Find watched order
            </button>
          </form>
          {watched.broken > 0 ? (
            <p>
              <Link href="/ops/audit?watchedLast=3" className="font-medium text-brand-700 underline">
                Audit the latest watched failures
              </Link>
              <span className="text-slate-600"> — the same node three times is a structural gap; different nodes, an edge case.</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {total > 0 ? (
        <DataTable
          caption={watched.broken > watched.stuck.length ? `Watched orders stuck at a node: the oldest ${count(watched.stuck.length)} of ${count(watched.broken)}` : "Watched orders stuck at a node, oldest first"}
          headers={["Order", "Failure node", "What is missing", "Fix lane", "Owners", "Stuck since"]}
          empty="No watched order is stuck: every step arrived or is within its deadline."
          rows={watched.stuck.map(({ order, node, missing, stuckSince }) => [
            <Link key="o" href={`/ops/watched/${encodeURIComponent(order)}`} className="whitespace-nowrap font-semibold text-brand-700 underline">
              {order}
            </Link>,
            node.label,
            missing,
            node.fixLane,
            node.parties.join(", "),
            stuckSince ? formatOpsTime(stuckSince) : "",
          ])}
        />
      ) : null}
    </section>
  );
}
