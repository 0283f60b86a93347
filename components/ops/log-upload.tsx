"use client";

import Link from "next/link";
import { useActionState } from "react";
import { uploadLogsAction, type UploadResult } from "@/app/(ops)/ops/observations/actions";
import { DataTable } from "./data-table";

/** Upload five systems' logs and read back the cascade map: each order's failure node, or healthy. */
export function LogUpload() {
  const [result, action, pending] = useActionState<UploadResult | null, FormData>(uploadLogsAction, null);
  const broken = result?.ok ? result.cascade.filter((entry) => entry.verdict) : [];
  const inFlight = result?.ok ? result.cascade.filter((entry) => entry.state === "in_flight").length : 0;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Log file (NDJSON or CSV)
          <input name="logs" type="file" accept=".ndjson,.jsonl,.json,.csv,.txt,.gz" className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-2 py-2" />
        </label>
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Reading…" : "Upload logs"}
        </button>
      </form>
      {result && !result.ok ? (
        <p role="alert" className="text-red-700">
          {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="text-emerald-800">
          {result.accepted} lines read for {result.cascade.length} {result.cascade.length === 1 ? "order" : "orders"}: {broken.length} broken,{" "}
          {result.cascade.length - broken.length - inFlight} healthy{inFlight > 0 ? `, ${inFlight} still in flight (their deadlines have not passed)` : ""}.
          {result.rejected.length > 0 ? ` ${result.rejected.length} ${result.rejected.length === 1 ? "line" : "lines"} could not be read (below).` : ""}
        </p>
      ) : null}
      {result && result.rejected && result.rejected.length > 0 ? (
        <DataTable caption="Lines that could not be read" headers={["Line", "Problem"]} empty="" rows={result.rejected.map((line) => [line.line, line.errors.join("; ")])} />
      ) : null}
      {result?.ok ? (
        <DataTable
          caption="Cascade map: each order's failure node"
          headers={["Order", "Failure node", "What is missing", "Fix lane", "Owners"]}
          empty="No orders in the file."
          rows={result.cascade.map((entry) => [
            <span key="order" className="whitespace-nowrap">
              {entry.order}
              {entry.aliases.length > 0 ? <span className="block text-xs text-slate-500">also {entry.aliases.join(", ")}</span> : null}
            </span>,
            entry.verdict?.node.label ??
              (entry.state === "in_flight" ? (
                <span className="text-slate-700">In flight: waiting within its deadlines</span>
              ) : (
                <span className="text-emerald-700">Healthy{entry.late.length > 0 ? ` (${entry.late.length} late: ${entry.late.map((step) => `${step.step} by ${step.lateBySeconds} s`).join(", ")})` : ""}</span>
              )),
            entry.verdict?.missing ?? "",
            entry.verdict?.node.fixLane ?? "",
            entry.verdict?.node.parties.join(", ") ?? "",
          ])}
        />
      ) : null}
      <p className="text-sm text-slate-600">
        Each line says which system saw which event for which order, when: NDJSON{" "}
        <code className="rounded bg-slate-100 px-1">{`{"system":"pos","event":"pickup.completed","order":"A-1001","at":"2026-11-20T15:04:00Z"}`}</code> (add{" "}
        <code className="rounded bg-slate-100 px-1">{`"direction":"sent"`}</code> for a source&apos;s outbound record,{" "}
        <code className="rounded bg-slate-100 px-1">{`"status"`}</code> for what the receiver recorded and{" "}
        <code className="rounded bg-slate-100 px-1">{`"aliases":["#W1001"]`}</code> for the order&apos;s other ids), or CSV with the header{" "}
        <code className="rounded bg-slate-100 px-1">system,event,order,at[,direction,status,aliases]</code> (aliases as A|B). Events may be
        Handoff&apos;s names or your systems&apos; own words, mapped in the vocabulary below. Machines can post NDJSON to{" "}
        <code className="rounded bg-slate-100 px-1">POST /api/v1/observations</code> with an <Link href="/ops/systems" className="underline">API key</Link>.
      </p>
    </div>
  );
}
