"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import { uploadLogsAction, type UploadResult } from "@/app/(ops)/ops/observations/actions";
import { DataTable } from "./data-table";
import { uploadInParts, type UploadProgress } from "./upload-in-parts";

const MAP_ROWS = 500;
const count = (n: number) => n.toLocaleString("en-US");
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Upload five systems' logs and read back the cascade map: each order's failure node, or healthy. */
export function LogUpload() {
  // Without JavaScript the form posts the file whole; with it, the file is streamed a part at a time with its progress.
  const [posted, action, posting] = useActionState<UploadResult | null, FormData>(uploadLogsAction, null);
  const [streamed, setStreamed] = useState<UploadResult | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [streaming, setStreaming] = useState(false);
  const result = streamed ?? posted;
  const pending = posting || streaming;

  async function streamUpload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("logs") as HTMLInputElement | null)?.files?.[0];
    if (!file || file.size === 0) {
      setStreamed({ ok: false, message: "Choose a log file (NDJSON or CSV) first." });
      return;
    }
    setStreaming(true);
    setStreamed(null);
    setProgress({ sentBytes: 0, totalBytes: file.size, accepted: 0 });
    try {
      setStreamed(await uploadInParts(file, uploadLogsAction, setProgress));
    } finally {
      setStreaming(false);
    }
  }

  const broken = result?.ok ? result.cascade.filter((entry) => entry.verdict) : [];
  const inFlight = result?.ok ? result.cascade.filter((entry) => entry.state === "in_flight").length : 0;
  // Broken orders first, so the map of a large file opens on what needs fixing.
  const mapRows = result?.ok ? [...broken, ...result.cascade.filter((entry) => !entry.verdict)].slice(0, MAP_ROWS) : [];
  const percent = progress ? (progress.totalBytes === 0 ? 100 : Math.floor((progress.sentBytes / progress.totalBytes) * 100)) : 0;
  return (
    <div className="space-y-4">
      <form action={action} onSubmit={streamUpload} className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Log file (NDJSON or CSV)
          <input name="logs" type="file" accept=".ndjson,.jsonl,.json,.csv,.txt,.gz" className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-2 py-2" />
        </label>
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Reading…" : "Upload logs"}
        </button>
      </form>
      {progress ? (
        <div className="max-w-xl space-y-1">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%: ${megabytes(progress.sentBytes)} of ${megabytes(progress.totalBytes)} sent`}
            className="h-3 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-600">
            {percent}%: {megabytes(progress.sentBytes)} of {megabytes(progress.totalBytes)} sent, {count(progress.accepted)} lines kept
            {streaming ? "…" : "."}
          </p>
        </div>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="text-red-700">
          {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="text-emerald-800">
          {count(result.accepted)} lines read for {count(result.cascade.length)} {result.cascade.length === 1 ? "order" : "orders"}: {count(broken.length)} broken,{" "}
          {count(result.cascade.length - broken.length - inFlight)} healthy{inFlight > 0 ? `, ${count(inFlight)} still in flight (their deadlines have not passed)` : ""}.
          {result.rejectedTotal > 0
            ? ` ${count(result.rejectedTotal)} ${result.rejectedTotal === 1 ? "line" : "lines"} could not be read (${result.rejectedTotal > result.rejected.length ? `the first ${result.rejected.length} below` : "below"}).`
            : ""}
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
          rows={mapRows.map((entry) => [
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
      {result?.ok && result.cascade.length > mapRows.length ? (
        <p className="text-sm text-slate-600">
          The map shows the first {count(mapRows.length)} of {count(result.cascade.length)} orders, broken ones first; every one is on{" "}
          <Link href="/ops" className="underline">
            the overview
          </Link>
          .
        </p>
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
