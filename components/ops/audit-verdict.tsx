import type { AuditVerdict } from "@/lib/monitor/cascade/audit";

const VERDICT_STYLE = { structural: "border-red-500 bg-red-50 text-red-950", edge_case: "border-amber-500 bg-amber-50 text-amber-950", insufficient: "border-slate-300 bg-slate-50" };
const VERDICT_TITLE = { structural: "Same node every time", edge_case: "Varying nodes", insufficient: "Not enough failing orders" };

/** Seed 000's conclusion from the audited orders: one node (structural), several (an edge case), or too few to say. */
export function AuditVerdictPanel({ verdict }: { verdict: AuditVerdict }) {
  return (
    <section role="status" aria-label="Verdict" className={`space-y-1 rounded-xl border-2 p-4 ${VERDICT_STYLE[verdict.kind]}`}>
      <p className="text-lg font-semibold">{VERDICT_TITLE[verdict.kind]}</p>
      <p>{verdict.summary}</p>
      {verdict.kind === "structural" ? <p className="font-medium">{verdict.node.label}</p> : null}
      {verdict.kind === "edge_case" ? (
        <ul className="list-disc pl-5">
          {verdict.nodes.map(({ node, orders: count }) => (
            <li key={node.id}>
              {node.label} — {count} {count === 1 ? "order" : "orders"} ({node.fixLane})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
