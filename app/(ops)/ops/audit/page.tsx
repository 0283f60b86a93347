import type { Metadata } from "next";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import Link from "next/link";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { auditLatestFailures, auditOrders, MIN_AUDIT_ORDERS, type AuditResult } from "@/lib/monitor/cascade/audit";
import { getDb } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cascade audit" };

const VERDICT_STYLE = { structural: "border-red-500 bg-red-50 text-red-950", edge_case: "border-amber-500 bg-amber-50 text-amber-950", insufficient: "border-slate-300 bg-slate-50" };
const VERDICT_TITLE = { structural: "Same node every time", edge_case: "Varying nodes", insufficient: "Not enough failing orders" };

/** Parses "H-100012, 100013 H-100014" into order numbers, and names what did not parse. */
function parseOrderList(text: string): { numbers: number[]; invalid: string[] } {
  const parts = text.split(/[\s,;]+/).filter(Boolean).slice(0, 100);
  const numbers: number[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    const number = parseOrderNumber(part);
    if (number === null) invalid.push(part);
    else numbers.push(number);
  }
  return { numbers, invalid };
}

/** Seed 000's audit: the failure node of several failing orders, and whether it repeats. */
export default async function AuditPage({ searchParams }: PageProps<"/ops/audit">) {
  await requireStaffPage(OPS_ROLES, "/ops/audit");
  const { orders, last } = await searchParams;
  const db = getDb();
  let result: AuditResult | null = null;
  let problem: string | null = null;
  if (typeof orders === "string" && orders.trim()) {
    const { numbers, invalid } = parseOrderList(orders);
    if (invalid.length > 0) problem = `Not order numbers: ${invalid.join(", ")}. Use H-100012 or 100012.`;
    else result = await auditOrders(db, numbers);
  } else if (typeof last === "string") {
    const count = Number(last);
    if (!Number.isInteger(count) || count < MIN_AUDIT_ORDERS || count > 100) problem = `Audit between ${MIN_AUDIT_ORDERS} and 100 of the latest failures.`;
    else result = await auditLatestFailures(db, count);
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Cascade audit</h1>
      <p className="max-w-3xl text-slate-600">
        One failing order tells you a boundary failed; three or more tell you whether it is the same boundary every time (a structural
        integration gap with one fix lane) or a different one each time (an event-handling edge case).
      </p>
      <div className="flex flex-wrap gap-6">
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="audit-orders" className="block text-sm font-medium">
              Order numbers
            </label>
            <input id="audit-orders" name="orders" defaultValue={typeof orders === "string" ? orders : ""} placeholder="H-100012, H-100015, H-100019" className="mt-1 block min-h-11 w-96 rounded-lg border border-slate-300 bg-white px-3" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            Audit these orders
          </button>
        </form>
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="audit-last" className="block text-sm font-medium">
              Latest failures
            </label>
            <input id="audit-last" name="last" type="number" min={MIN_AUDIT_ORDERS} max={100} defaultValue={typeof last === "string" ? last : "3"} className="mt-1 block min-h-11 w-24 rounded-lg border border-slate-300 bg-white px-3" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            Audit the latest failures
          </button>
        </form>
      </div>

      {problem ? (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      ) : null}

      {result ? (
        <>
          <section role="status" aria-label="Verdict" className={`space-y-1 rounded-xl border-2 p-4 ${VERDICT_STYLE[result.verdict.kind]}`}>
            <p className="text-lg font-semibold">{VERDICT_TITLE[result.verdict.kind]}</p>
            <p>{result.verdict.summary}</p>
            {result.verdict.kind === "structural" ? <p className="font-medium">{result.verdict.node.label}</p> : null}
            {result.verdict.kind === "edge_case" ? (
              <ul className="list-disc pl-5">
                {result.verdict.nodes.map(({ node, orders: count }) => (
                  <li key={node.id}>
                    {node.label} — {count} {count === 1 ? "order" : "orders"} ({node.fixLane})
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          {result.unknown.length > 0 ? <p className="text-amber-800">No such orders: {result.unknown.map((number) => `H-${number}`).join(", ")}.</p> : null}
          <DataTable
            caption="Evidence: each audited order's failure node"
            headers={["Order", "Failure node", "Step", "How it broke", "Last error", "Broken since"]}
            empty="No orders to audit."
            rows={result.evidence.map((item) => [
              <Link key="o" href={`/ops/orders/${item.orderNumber}`} className="font-semibold text-brand-700 underline">
                H-{item.orderNumber}
              </Link>,
              item.node?.label ?? "Healthy: every step arrived or is within its deadline",
              item.chain ? `${item.chain.toLowerCase()} ${item.stepNumber}` : "",
              item.reason?.replace("_", " ") ?? "",
              <span key="e" className="block max-w-80 break-words">
                {item.lastError ?? ""}
              </span>,
              item.stuckSince ? formatOpsTime(item.stuckSince) : "",
            ])}
          />
        </>
      ) : null}
    </div>
  );
}
