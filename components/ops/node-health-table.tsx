import type { NodeHealth } from "@/lib/monitor/cascade/node-health";
import { plural } from "@/lib/platform/format/plural";

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 1 : 0)}%`;
const failedOf = (counts: NodeHealth["lastHour"]) => counts.late + counts.deadLettered + counts.rejected;

/**
 * Steps per hour over the last day as gray bars, the failed share of each hour in red on
 * top; the label says the same in words.
 */
function Sparkline({ trend, volume }: { trend: number[]; volume: number[] }) {
  const max = Math.max(1, ...volume, ...trend);
  const failed = trend.reduce((sum, count) => sum + count, 0);
  const total = volume.reduce((sum, count) => sum + count, 0);
  const height = (count: number) => (count === 0 ? 0 : Math.max(2, (count / max) * 22));
  return (
    <svg role="img" aria-label={`Last 24 hours: ${plural(total, "step")}, ${failed} failed; ${trend[23]} failed in the last hour`} width="120" height="24" viewBox="0 0 120 24">
      <line x1="0" y1="23.5" x2="120" y2="23.5" className="stroke-slate-200" />
      {volume.map((count, hour) => (
        <rect key={`v${hour}`} x={hour * 5} y={24 - height(count)} width="4" height={height(count)} className="fill-slate-300" />
      ))}
      {trend.map((count, hour) => (count > 0 ? <rect key={`f${hour}`} x={hour * 5} y={24 - height(count)} width="4" height={height(count)} className="fill-red-600" /> : null))}
    </svg>
  );
}

const num = "px-3 py-2 text-right tabular-nums";

/** Per chain node, the last hour and the last day as columns that scan down; red above the threshold. */
export function NodeHealthTable({ nodes, threshold }: { nodes: NodeHealth[]; threshold: number }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Chain nodes: steps that arrived, failed and the failure rate in the last hour and the last 24 hours; above {percent(threshold)} in red</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" rowSpan={2} className="px-3 py-2 font-medium">
              Node
            </th>
            <th scope="colgroup" colSpan={3} className="border-l border-slate-200 px-3 pt-2 text-center font-medium">
              Last hour
            </th>
            <th scope="colgroup" colSpan={6} className="border-l border-slate-200 px-3 pt-2 text-center font-medium">
              Last 24 hours
            </th>
            <th scope="col" rowSpan={2} className="border-l border-slate-200 px-3 py-2 font-medium">
              Per hour
            </th>
          </tr>
          <tr className="text-xs">
            {["Arrived", "Failed", "Rate", "Arrived", "Late", "Retrying", "Dead-lettered", "Refused", "Rate"].map((heading, index) => (
              <th key={`${heading}-${index}`} scope="col" className={`px-3 pb-2 text-right font-medium ${index === 0 || index === 3 ? "border-l border-slate-200" : ""}`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {nodes.map((node) => {
            const failing = failedOf(node.last24h) > 0 || node.red;
            return (
              <tr key={node.id} data-node={node.id} className={node.red ? "bg-red-50 text-red-950" : ""}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {node.red ? <span className="mr-2 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">Above {percent(threshold)}</span> : null}
                  {failing ? node.label : node.boundary}
                </th>
                <td className={`${num} border-l border-slate-100`}>{node.lastHour.delivered}</td>
                <td className={num}>{failedOf(node.lastHour)}</td>
                <td className={`${num} font-semibold`}>{percent(node.lastHour.failureRate)}</td>
                <td className={`${num} border-l border-slate-100`}>{node.last24h.delivered}</td>
                <td className={num}>{node.last24h.late}</td>
                <td className={num}>{node.last24h.retrying}</td>
                <td className={num}>{node.last24h.deadLettered}</td>
                <td className={num}>{node.last24h.rejected}</td>
                <td className={`${num} font-semibold`}>{percent(node.last24h.failureRate)}</td>
                <td className="border-l border-slate-100 px-3 py-2">
                  <Sparkline trend={node.trend} volume={node.volume} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
