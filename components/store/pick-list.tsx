"use client";

import Image from "next/image";
import { useEffect, useRef, useState } from "react";
import { confirmPickAction, markReadyAction, stageOrderAction, undoPickAction } from "@/app/(store)/store/actions";
import type { StoreTaskView } from "@/lib/pos/store-queue/task-view";
import { ShortLineForm } from "./short-line-form";
import { ActionMessage, useStoreAction } from "./store-action";

type Props = { task: StoreTaskView; onChange: () => void };
type Line = StoreTaskView["lines"][number];

/** Whether a key press belongs to a field the associate is typing into (then a scan must not steal it). */
const isEditable = (element: Element | null) =>
  element instanceof HTMLElement && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));

/** How far a line is: picked, short, or both, never a green "0 of 1" for a line that is short. */
function LineProgress({ line }: { line: Line }) {
  if (line.short > 0) {
    return (
      <p className="text-base">
        <span className={line.picked > 0 ? "font-semibold text-slate-800" : "text-slate-600"}>
          {line.picked} of {line.quantity} picked
        </span>
        <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">
          {line.short} short ({line.shortReason?.toLowerCase()})
        </span>
      </p>
    );
  }
  return (
    <p className="text-base">
      <span className={line.open === 0 ? "font-semibold text-emerald-800" : ""}>
        {line.picked} of {line.quantity} picked
      </span>
    </p>
  );
}

/**
 * The pick list in walking order (by location). Lines are confirmed by scanning (a
 * keyboard-wedge scanner types the code and Enter into the focused field) or by a tap; a
 * line can be marked short, and a pick taken back. While the pick is open the scan field
 * keeps the scanner: after a tap, and whenever keys arrive with no other field focused,
 * they go to it, so a scan is never lost.
 */
export function PickList({ task, onChange }: Props) {
  const picking = task.status === "new" || task.status === "picking";
  const scanRef = useRef<HTMLInputElement>(null);
  const binRef = useRef<HTMLInputElement>(null);
  const [scanReady, setScanReady] = useState(false);
  const [shortSku, setShortSku] = useState<string | null>(null);
  const refocusScan = () => scanRef.current?.focus();
  // An answer arrives later than the tap: by then the associate may be typing elsewhere (the
  // staging bin), and taking the focus back would send their keys to the scan field.
  const refocusScanUnlessTypingElsewhere = () => {
    if (!isEditable(document.activeElement) || document.activeElement === scanRef.current) refocusScan();
  };
  const pick = useStoreAction(confirmPickAction, () => {
    onChange();
    refocusScanUnlessTypingElsewhere();
  });
  const undo = useStoreAction(undoPickAction, () => {
    onChange();
    refocusScanUnlessTypingElsewhere();
  });
  const stage = useStoreAction(stageOrderAction, onChange);
  const ready = useStoreAction(markReadyAction, onChange);
  const allResolved = task.lines.every((line) => line.open === 0);

  useEffect(() => {
    if (!picking) return;
    const toScanField = (event: KeyboardEvent) => {
      const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!printable || isEditable(document.activeElement)) return;
      // Focus moves before the key is delivered, so the character lands in the scan field.
      scanRef.current?.focus();
    };
    document.addEventListener("keydown", toScanField, true);
    return () => document.removeEventListener("keydown", toScanField, true);
  }, [picking]);

  const onScan = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const barcode = scanRef.current?.value.trim() ?? "";
    if (scanRef.current) scanRef.current.value = "";
    pick.mutate({ orderNumber: task.orderNumber, barcode });
    refocusScan();
  };

  const onStage = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const bin = binRef.current?.value.trim() ?? "";
    if (!bin) binRef.current?.focus();
    stage.mutate({ orderNumber: task.orderNumber, bin });
  };

  const lastOutcome = undo.submittedAt > pick.submittedAt ? undo.data : pick.data;

  return (
    <section aria-labelledby="pick-list" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="pick-list" className="text-2xl font-semibold">
        Pick list
      </h2>
      {picking ? (
        <form onSubmit={onScan} className="flex flex-wrap items-end gap-3">
          <div className="grow">
            <div className="flex items-center gap-3">
              <label htmlFor="scan-barcode" className="text-base font-medium">
                Scan barcode
              </label>
              <span
                id="scan-state"
                data-scan-ready={scanReady}
                className={`rounded-full px-3 py-0.5 text-sm font-semibold ${scanReady ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-700"}`}
              >
                {scanReady ? "Ready to scan" : "A scan still lands here"}
              </span>
            </div>
            <input
              id="scan-barcode"
              ref={scanRef}
              autoFocus
              autoComplete="off"
              inputMode="numeric"
              aria-describedby="scan-state"
              onFocus={() => setScanReady(true)}
              onBlur={() => setScanReady(false)}
              className="mt-1 block min-h-14 w-full rounded-lg border-2 border-slate-400 px-4 text-xl focus:border-emerald-700 focus:outline-none focus:ring-4 focus:ring-emerald-200"
            />
          </div>
          <button type="submit" disabled={pick.isPending} className="min-h-14 rounded-lg bg-slate-800 px-6 text-lg font-semibold text-white disabled:opacity-60">
            Confirm scan
          </button>
          <div aria-live="polite" className="basis-full">
            <ActionMessage result={lastOutcome} />
          </div>
        </form>
      ) : null}

      <ul className="divide-y divide-slate-200">
        {task.lines.map((line) => (
          <li key={line.sku} className="flex flex-wrap items-center gap-4 py-3">
            {line.imageUrl ? (
              <Image src={line.imageUrl} alt="" width={72} height={72} className="h-18 w-18 rounded-lg border border-slate-200 object-cover" />
            ) : (
              <span aria-hidden="true" className="h-18 w-18 rounded-lg border border-slate-200 bg-slate-100" />
            )}
            <div className="min-w-48 grow">
              <p className="text-xl font-semibold">{line.name}</p>
              <p className="text-base text-slate-600">
                SKU {line.sku}
                {line.barcode ? (
                  <>
                    {" "}
                    · Barcode <span className="font-mono">{line.barcode}</span>
                  </>
                ) : null}
                {line.location ? ` · ${line.location}` : ""}
              </p>
              <LineProgress line={line} />
            </div>
            {picking ? (
              <div className="flex flex-wrap gap-2">
                {line.open > 0 ? (
                  <>
                    <button
                      type="button"
                      aria-label={`Picked one ${line.name}`}
                      onClick={() => pick.mutate({ orderNumber: task.orderNumber, sku: line.sku })}
                      disabled={pick.isPending}
                      className="min-h-14 min-w-28 rounded-lg bg-emerald-700 px-5 text-lg font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
                    >
                      Picked
                    </button>
                    <button
                      type="button"
                      aria-label={`Mark ${line.name} short`}
                      aria-expanded={shortSku === line.sku}
                      onClick={() => setShortSku(shortSku === line.sku ? null : line.sku)}
                      className="min-h-14 rounded-lg border-2 border-amber-600 px-5 text-lg font-semibold text-amber-900 hover:bg-amber-50"
                    >
                      Mark short
                    </button>
                  </>
                ) : null}
                {line.picked > 0 ? (
                  <button
                    type="button"
                    aria-label={`Undo one ${line.name}`}
                    onClick={() => undo.mutate({ orderNumber: task.orderNumber, sku: line.sku })}
                    disabled={undo.isPending}
                    className="min-h-14 rounded-lg border-2 border-slate-400 px-5 text-lg font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                  >
                    Undo
                  </button>
                ) : null}
              </div>
            ) : null}
            {shortSku === line.sku && line.open > 0 ? (
              <ShortLineForm
                orderNumber={task.orderNumber}
                line={line}
                onDone={() => {
                  setShortSku(null);
                  onChange();
                  refocusScan();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>

      {task.status === "picking" ? (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <form onSubmit={onStage} className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="staging-bin" className="block text-base font-medium">
                Staging bin
              </label>
              <input
                id="staging-bin"
                ref={binRef}
                defaultValue={task.stagingBin ?? ""}
                placeholder="A-12"
                autoComplete="off"
                className="mt-1 block min-h-14 w-40 rounded-lg border-2 border-slate-400 px-4 text-xl uppercase"
              />
            </div>
            <button type="submit" disabled={stage.isPending} className="min-h-14 rounded-lg bg-slate-800 px-6 text-lg font-semibold text-white disabled:opacity-60">
              Stage
            </button>
            {/* The bin line below says where it is staged; only a refusal needs words here. */}
            {stage.data && !stage.data.ok ? <ActionMessage result={stage.data} /> : null}
          </form>
          {task.stagingBin ? (
            <p role="status" className="text-lg">
              Staged in bin <strong>{task.stagingBin}</strong>.
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => ready.mutate(task.orderNumber)}
              disabled={ready.isPending || !allResolved || !task.stagingBin}
              className="min-h-14 rounded-xl bg-emerald-700 px-8 text-xl font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
            >
              Mark ready
            </button>
            {!allResolved ? <p className="text-base text-slate-600">Pick or mark short every line first.</p> : !task.stagingBin ? <p className="text-base text-slate-600">Stage the order in a bin first.</p> : null}
            <ActionMessage result={ready.data} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
