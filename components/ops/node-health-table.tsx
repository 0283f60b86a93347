import type { NodeHealth } from "@/lib/cascade/node-health";

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 1 : 0)}%`;

function Counts({ counts }: { counts: NodeHealth["lastHour"] }) {
  return (
    <span className="tabular-nums">
      {counts.delivered} ok · {counts.late} late · {counts.retrying} retrying · {counts.deadLettered} dead · {counts.rejected} rejected ·{" "}
      <strong>{percent(counts.failureRate)}</strong>
    </span>
  );
}

/** Failed steps per hour over the last day, as bars; the label says the same in words. */
function Trend({ trend }: { trend: number[] }) {
  const max = Math.max(1, ...trend);
  const total = trend.reduce((sum, count) => sum + count, 0);
  return (
    <svg role="img" aria-label={`${total} failed in the last 24 hours, ${trend[23]} in the last hour`} width="96" height="24" viewBox="0 0 96 24">
      {trend.map((count, hour) => (
        <rect key={hour} x={hour * 4} y={24 - (count / max) * 22 - 1} width="3" height={(count / max) * 22 + 1} className={count > 0 ? "fill-red-500" : "fill-slate-200"} />
      ))}
    </svg>
  );
}

/** Per chain node: last hour and last day by outcome, with the failure rate; red above the threshold. */
export function NodeHealthTable({ nodes, threshold }: { nodes: NodeHealth[]; threshold: number }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Chain nodes by outcome, failure rate above {percent(threshold)} in red</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Node</th>
            <th scope="col" className="px-3 py-2 font-medium">Last hour</th>
            <th scope="col" className="px-3 py-2 font-medium">Last 24 hours</th>
            <th scope="col" className="px-3 py-2 font-medium">Failures per hour</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {nodes.map((node) => (
            <tr key={node.id} data-node={node.id} className={node.red ? "bg-red-50 text-red-950" : ""}>
              <th scope="row" className="px-3 py-2 font-medium">
                {node.red ? <span className="mr-2 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">Above {percent(threshold)}</span> : null}
                {node.label}
              </th>
              <td className="px-3 py-2">
                <Counts counts={node.lastHour} />
              </td>
              <td className="px-3 py-2">
                <Counts counts={node.last24h} />
              </td>
              <td className="px-3 py-2">
                <Trend trend={node.trend} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
