"use client";

import { useRef, useState } from "react";
import { handOverAction, unlockHandoverAction } from "@/app/(store)/store/actions";
import type { StoreTaskView } from "@/lib/pos/store-queue/task-view";
import { ActionMessage, useStoreAction } from "./store-action";
import { DeclineAtHandover } from "./decline-at-handover";

type Props = { task: StoreTaskView; canUnlock: boolean; onChange: () => void; startOpen?: boolean };

/**
 * The handover: the customer's pickup code typed or scanned (the confirmation's QR
 * types the same), an optional ID check, then "Confirm pickup". Five wrong codes lock
 * it until a manager unlocks it.
 */
export function HandoverPanel({ task, canUnlock, onChange, startOpen = false }: Props) {
  const [opened, setOpened] = useState(startOpen);
  // A customer who checked in is at the counter or the curb: the form is ready for them.
  const open = opened || task.arrivedAt !== null;
  const codeRef = useRef<HTMLInputElement>(null);
  const [idChecked, setIdChecked] = useState(false);
  const handOver = useStoreAction(handOverAction, onChange);
  const unlock = useStoreAction(unlockHandoverAction, onChange);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handOver.mutate({ orderNumber: task.orderNumber, code: codeRef.current?.value ?? "", idChecked });
    if (codeRef.current) codeRef.current.value = "";
  };

  return (
    <section aria-labelledby="handover" className="space-y-4 rounded-xl border-2 border-emerald-700 bg-white p-4 shadow-sm">
      <h2 id="handover" className="text-2xl font-semibold">
        Handover{task.stagingBin ? ` · bin ${task.stagingBin}` : ""}
      </h2>
      {task.handoverLocked ? (
        <div role="alert" className="space-y-3 rounded-lg border-2 border-red-600 bg-red-50 p-4 text-lg text-red-900">
          <p>
            <strong>Handover locked</strong> after 5 wrong pickup codes. A manager must unlock it.
          </p>
          {canUnlock ? (
            <button type="button" onClick={() => unlock.mutate(task.orderNumber)} disabled={unlock.isPending} className="min-h-12 rounded-lg bg-red-700 px-5 font-semibold text-white hover:bg-red-800">
              Unlock handover
            </button>
          ) : null}
          <ActionMessage result={unlock.data} />
        </div>
      ) : (
        <>
          <button
            type="button"
            onClick={() => {
              setOpened(true);
              setTimeout(() => codeRef.current?.focus(), 0);
            }}
            aria-expanded={open}
            className="min-h-14 rounded-xl bg-emerald-700 px-8 text-xl font-semibold text-white hover:bg-emerald-800"
          >
            Hand over
          </button>
          {open ? (
            <form onSubmit={onSubmit} className="space-y-4">
              <div>
                <label htmlFor="pickup-code" className="block text-lg font-medium">
                  Pickup code
                </label>
                <input
                  id="pickup-code"
                  ref={codeRef}
                  autoFocus
                  autoComplete="off"
                  inputMode="numeric"
                  aria-describedby="pickup-code-hint"
                  className="mt-1 block min-h-14 w-full max-w-sm rounded-lg border-2 border-slate-400 px-4 text-2xl tracking-widest focus:border-emerald-700 focus:outline-none focus:ring-2 focus:ring-emerald-200"
                />
                <p id="pickup-code-hint" className="mt-1 text-base text-slate-600">
                  Type the 6-digit code or scan the QR code on the customer&apos;s confirmation.
                  {task.failedCodeAttempts > 0 ? ` ${task.failedCodeAttempts} wrong ${task.failedCodeAttempts === 1 ? "try" : "tries"} so far.` : ""}
                </p>
              </div>
              <label className="flex min-h-11 items-center gap-3 text-lg">
                <input type="checkbox" checked={idChecked} onChange={(event) => setIdChecked(event.target.checked)} className="h-6 w-6" />
                ID checked
              </label>
              <div className="flex flex-wrap items-center gap-3">
                <button type="submit" disabled={handOver.isPending} className="min-h-14 rounded-xl bg-emerald-700 px-8 text-xl font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
                  Confirm pickup
                </button>
                <ActionMessage result={handOver.data} />
              </div>
            </form>
          ) : null}
          {open ? <DeclineAtHandover task={task} onChange={onChange} /> : null}
        </>
      )}
    </section>
  );
}
