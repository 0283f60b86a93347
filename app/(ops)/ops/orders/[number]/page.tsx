import type { Metadata } from "next";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { CHANNEL_NAMES } from "@/lib/oms/intake/channel-names";
import Link from "next/link";
import { DataTable } from "@/components/ops/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { loadOrderCascade, type OrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { getDb } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";
import { BREAK_REASON_LABELS } from "@/lib/monitor/cascade/break-reasons";
import { formatDuration } from "@/lib/monitor/cascade/format-duration";
import { resyncOrderAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order cascade" };

const STEP_STATUS: Record<string, string> = { PENDING: "waiting", DELIVERED: "arrived", FAILED: "retrying", REJECTED: "rejected", DEAD_LETTERED: "dead-lettered" };
const SYSTEMS = ["POS", "OMS", "WMS", "STOREFRONT", "NOTIFICATION"] as const;

const time = (iso: string | null, timeZone: string) => formatOpsTime(iso, timeZone);

/** What one system holds for the order, in a few lines. */
function SystemCard({ system, cascade }: { system: (typeof SYSTEMS)[number]; cascade: OrderCascade }) {
  const { systems } = cascade;
  const lines: string[] =
    system === "OMS"
      ? [`Status: ${systems.OMS.status.toLowerCase().replace("_", " ")}`, `Payment: ${systems.OMS.payment?.status.toLowerCase() ?? "none"}`, `Total: $${(systems.OMS.totalCents / 100).toFixed(2)}`]
      : system === "WMS"
        ? systems.WMS.allocations.length === 0
          ? ["No allocation"]
          : systems.WMS.allocations.map((allocation) => `${allocation.sku} × ${allocation.quantity}: ${allocation.status.toLowerCase()}${allocation.stagingBin ? ` (bin ${allocation.stagingBin})` : ""}`)
        : system === "STOREFRONT"
          ? [`Order view: ${systems.STOREFRONT.orderView?.replace("_", " ") ?? "never heard of it"}`]
          : system === "POS"
            ? systems.POS
              ? [`Queue: ${systems.POS.status.replace("_", " ")}`, ...(systems.POS.stagingBin ? [`Bin ${systems.POS.stagingBin}`] : []), ...(systems.POS.arrivedAt ? ["Customer checked in"] : [])]
              : ["Not in the store's queue"]
            : systems.NOTIFICATION.messages.length === 0
              ? ["No messages"]
              : systems.NOTIFICATION.messages.map((message) => `${message.kind.split(":")[0]!.replaceAll("_", " ")} (${message.channel}): ${message.status}`);
  return (
    <section aria-label={system} className="rounded-xl border border-slate-200 bg-white p-3">
      <h3 className="mb-1 text-sm font-semibold tracking-wide text-slate-500">{system}</h3>
      <ul className="space-y-0.5 text-sm">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export default async function OrderCascadePage({ params }: PageProps<"/ops/orders/[number]">) {
  const { number } = await params;
  const staff = await requireStaffPage(OPS_ROLES, `/ops/orders/${number}`);
  const isAdmin = staff.role === "ADMIN";
  const orderNumber = parseOrderNumber(number);
  const cascade = orderNumber === null ? null : await loadOrderCascade(getDb(), orderNumber);
  if (!cascade) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Order not found</h1>
        <p>There is no order {number}.</p>
        <Link href="/ops" className="underline">
          Back to the overview
        </Link>
      </div>
    );
  }
  const zone = cascade.store.timeZone;
  const { failure } = cascade;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">
          Order H-{cascade.orderNumber} · {cascade.store.name}
        </h1>
        <p className="text-sm text-slate-600">
          {cascade.customer.name} · {cascade.customer.email} · {cascade.customer.phone}
          {cascade.channel.orderId ? ` · ${CHANNEL_NAMES[cascade.channel.name]} order ${cascade.channel.orderId}` : ""}
        </p>
      </div>

      {cascade.split.from !== null || cascade.split.into.length > 0 ? (
        <p className="rounded-xl border border-sky-300 bg-sky-50 p-4 text-sm">
          {cascade.split.from !== null ? (
            <>
              Split from{" "}
              <Link href={`/ops/orders/${cascade.split.from}`} className="underline">
                H-{cascade.split.from}
              </Link>
              : units its store could not find, placed here as an order of their own.{" "}
            </>
          ) : null}
          {cascade.split.into.length > 0 ? (
            <>
              Units this store could not find went on as{" "}
              {cascade.split.into.map((number, index) => (
                <span key={number}>
                  {index > 0 ? ", " : ""}
                  <Link href={`/ops/orders/${number}`} className="underline">
                    H-{number}
                  </Link>
                </span>
              ))}
              .
            </>
          ) : null}
        </p>
      ) : null}

      {cascade.routing ? (
        <section aria-labelledby="routing" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
          <h2 id="routing" className="text-lg font-semibold">
            Routing
          </h2>
          <p>{cascade.routing.reason}</p>
          {cascade.routing.slotNote ? <p className="text-amber-800">{cascade.routing.slotNote}</p> : null}
          <details>
            <summary className="cursor-pointer text-slate-600">Every store considered ({cascade.routing.candidates.length})</summary>
            <ul className="mt-1 space-y-0.5">
              {cascade.routing.candidates.map((candidate) => (
                <li key={candidate.code}>
                  <span className="font-medium">{candidate.code}</span> · {candidate.distanceMiles} mi · {candidate.why}
                  {candidate.score ? ` · score ${candidate.score.total}` : ""}
                </li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}

      {failure ? (
        <section role="alert" aria-label="Failure node" className="space-y-1 rounded-xl border-2 border-red-500 bg-red-50 p-4 text-red-950">
          <p className="text-lg font-semibold">{failure.node.label}</p>
          <p>
            {BREAK_REASON_LABELS[failure.reason]} — stuck for {formatDuration(failure.stuckForSeconds)}.
          </p>
          {failure.lastError ? <p className="break-words text-sm">Last error: {failure.lastError}</p> : null}
          <p>
            Fix lane: <strong>{failure.node.fixLane}</strong> · Owners: {failure.node.parties.join(", ")}
          </p>
        </section>
      ) : cascade.deadLetters.length === 0 ? (
        <p role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          Every step so far arrived or is within its deadline.
        </p>
      ) : null}
      {cascade.deadLetters.length > 0 ? (
        <section role="alert" aria-label="Dead-lettered deliveries" className="space-y-1 rounded-xl border-2 border-red-500 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">
            {cascade.deadLetters.length} {cascade.deadLetters.length === 1 ? "delivery outside the chains is" : "deliveries outside the chains are"} dead-lettered
          </p>
          <ul className="list-disc pl-5 text-sm">
            {cascade.deadLetters.map((dead) => (
              <li key={`${dead.source}-${dead.target}-${dead.eventType}`}>
                {dead.eventType} {dead.source} → {dead.target}
                {dead.lastError ? `: ${dead.lastError}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="space-y-2">
        {cascade.activeFaults.length > 0 ? (
          <p className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            <strong>An active fault will drop a re-sync again:</strong> {cascade.activeFaults.join("; ")}.{" "}
            {isAdmin ? (
              <Link href="/ops/faults" className="underline">
                Clear it at Faults first
              </Link>
            ) : (
              "Ask an admin to clear it first."
            )}
          </p>
        ) : null}
        <ActionForm action={resyncOrderAction} submitLabel="Re-sync" pendingLabel="Re-syncing and waiting for arrival…">
          <input type="hidden" name="orderNumber" value={cascade.orderNumber} />
        </ActionForm>
      </div>

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {SYSTEMS.map((system) => (
          <SystemCard key={system} system={system} cascade={cascade} />
        ))}
      </div>

      <DataTable
        caption="Every step this order's chains expected"
        headers={["Chain", "Step", "Crossing", "What should happen", "Status", "Expected by", "Arrived", "Attempts", "Last error", "Signature", "Payload"]}
        empty={
          cascade.historyRemovedAfterDays === null
            ? "No chain has started for this order."
            : `This order closed more than ${cascade.historyRemovedAfterDays} days ago; its chain steps, events and deliveries were removed by history retention. What each system holds is above.`
        }
        rows={cascade.steps.map((step) => [
          step.chain.toLowerCase().replace("_", "-"),
          step.isFailureNode ? <strong key="n">{step.stepNumber} ← failure node</strong> : step.stepNumber,
          step.source === step.target ? step.source : `${step.source} → ${step.target}`,
          step.description,
          <span key="s" className={step.broken ? "font-semibold text-red-700" : step.status === "DELIVERED" ? "text-emerald-700" : ""}>
            {step.broken === "late" && step.status !== "FAILED" ? "late" : STEP_STATUS[step.status]}
          </span>,
          time(step.expectedBy, zone),
          time(step.arrivedAt, zone),
          step.delivery?.attempts ?? step.attempts,
          <span key="e" className="block max-w-64 break-words">
            {step.delivery?.injectedFault ? `[${step.delivery.injectedFault.toLowerCase()}] ` : ""}
            {step.delivery?.lastError ?? step.lastError ?? ""}
          </span>,
          step.delivery?.signature ?? "—",
          step.delivery ? (
            <details key="p">
              <summary className="cursor-pointer">{step.eventType}</summary>
              <pre className="max-w-80 overflow-x-auto text-xs">{JSON.stringify(step.delivery.payload, null, 2)}</pre>
            </details>
          ) : (
            step.eventType
          ),
        ])}
      />
    </div>
  );
}
