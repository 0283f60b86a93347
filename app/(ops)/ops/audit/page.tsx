import type { Metadata } from "next";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import Link from "next/link";
import { AuditForm } from "@/components/ops/audit-form";
import { AuditVerdictPanel } from "@/components/ops/audit-verdict";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { auditLatestFailures, auditOrders, MIN_AUDIT_ORDERS, type AuditResult } from "@/lib/monitor/cascade/audit";
import { auditLatestWatchedFailures, auditWatchedOrders, type WatchedAuditResult } from "@/lib/monitor/observations/audit-watched-orders";
import { getDb } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cascade audit" };

const MAX_AUDITED = 100;
const MAX_ID_LENGTH = 100;

const listOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean).slice(0, MAX_AUDITED);

/** Parses "H-100012, 100013 H-100014" into order numbers, and names what did not parse. */
function parseOrderList(text: string): { numbers: number[]; invalid: string[] } {
  const numbers: number[] = [];
  const invalid: string[] = [];
  for (const part of listOf(text)) {
    const number = parseOrderNumber(part);
    if (number === null) invalid.push(part);
    else numbers.push(number);
  }
  return { numbers, invalid };
}

/** "How many of the latest failures", or why that is not a count the audit takes. */
function latestCount(text: string): { count: number } | { problem: string } {
  const count = Number(text);
  return Number.isInteger(count) && count >= MIN_AUDIT_ORDERS && count <= MAX_AUDITED ? { count } : { problem: `Audit between ${MIN_AUDIT_ORDERS} and ${MAX_AUDITED} of the latest failures.` };
}

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** Seed 000's audit: the failure node of several failing orders, and whether it repeats; for Handoff's orders and the watched stack's. */
export default async function AuditPage({ searchParams }: PageProps<"/ops/audit">) {
  await requireStaffPage(OPS_ROLES, returnPathOf("/ops/audit", await searchParams));
  const params = await searchParams;
  const [orders, last, watched, watchedLast] = [text(params.orders), text(params.last), text(params.watched), text(params.watchedLast)];
  const db = getDb();
  let result: AuditResult | null = null;
  let watchedResult: WatchedAuditResult | null = null;
  let problem: string | null = null;
  if (orders?.trim()) {
    const { numbers, invalid } = parseOrderList(orders);
    if (invalid.length > 0) problem = `Not order numbers: ${invalid.join(", ")}. Use H-100012 or 100012.`;
    else result = await auditOrders(db, numbers);
  } else if (last !== undefined) {
    const latest = latestCount(last);
    if ("problem" in latest) problem = latest.problem;
    else result = await auditLatestFailures(db, latest.count);
  } else if (watched?.trim()) {
    const ids = listOf(watched);
    const tooLong = ids.filter((id) => id.length > MAX_ID_LENGTH);
    if (tooLong.length > 0) problem = `An order id is at most ${MAX_ID_LENGTH} characters (${tooLong.length} ${tooLong.length === 1 ? "is" : "are"} longer).`;
    else watchedResult = await auditWatchedOrders(db, ids);
  } else if (watchedLast !== undefined) {
    const latest = latestCount(watchedLast);
    if ("problem" in latest) problem = latest.problem;
    else watchedResult = await auditLatestWatchedFailures(db, latest.count);
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Cascade audit</h1>
      <p className="max-w-3xl text-slate-600">
        One failing order tells you a boundary failed; three or more tell you whether it is the same boundary every time (a structural
        integration gap with one fix lane) or a different one each time (an event-handling edge case).
      </p>
      <section aria-labelledby="audit-own" className="space-y-2">
        <h2 id="audit-own" className="text-lg font-semibold">
          Handoff&apos;s orders
        </h2>
        <div className="flex flex-wrap gap-6">
          <AuditForm id="audit-orders" name="orders" label="Order numbers" button="Audit these orders" defaultValue={orders ?? ""} placeholder="H-100012, H-100015, H-100019" />
          <AuditForm id="audit-last" name="last" label="Latest failures" button="Audit the latest failures" defaultValue={last ?? "3"} count={{ min: MIN_AUDIT_ORDERS, max: MAX_AUDITED }} />
        </div>
      </section>
      <section aria-labelledby="audit-watched" className="space-y-2">
        <h2 id="audit-watched" className="text-lg font-semibold">
          Watched stack
        </h2>
        <div className="flex flex-wrap gap-6">
          <AuditForm id="audit-watched-orders" name="watched" label="Watched order ids" button="Audit these watched orders" defaultValue={watched ?? ""} placeholder="SO-88213, #W1002, SO-88240" />
          <AuditForm id="audit-watched-last" name="watchedLast" label="Latest watched failures" button="Audit the latest watched failures" defaultValue={watchedLast ?? "3"} count={{ min: MIN_AUDIT_ORDERS, max: MAX_AUDITED }} />
        </div>
      </section>

      {problem ? (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      ) : null}

      {result ? (
        <>
          <AuditVerdictPanel verdict={result.verdict} />
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

      {watchedResult ? (
        <>
          <AuditVerdictPanel verdict={watchedResult.verdict} />
          {watchedResult.unknown.length > 0 ? <p className="text-amber-800">No watched lines for: {watchedResult.unknown.join(", ")}.</p> : null}
          <DataTable
            caption="Evidence: each audited watched order's failure node"
            headers={["Order", "Failure node", "Step", "What is missing", "Broken since"]}
            empty="No watched orders to audit."
            rows={watchedResult.evidence.map((item) => [
              <Link key="o" href={`/ops/watched/${encodeURIComponent(item.order)}`} className="font-semibold text-brand-700 underline">
                {item.order}
              </Link>,
              item.node?.label ?? (item.state === "in_flight" ? "In flight: every step arrived or is within its deadline" : "Healthy: every step arrived"),
              item.chain ? `${item.chain.toLowerCase()} ${item.stepNumber}` : "",
              <span key="m" className="block max-w-80 break-words">
                {item.missing ?? ""}
              </span>,
              item.stuckSince ? formatOpsTime(item.stuckSince) : "",
            ])}
          />
        </>
      ) : null}
    </div>
  );
}
