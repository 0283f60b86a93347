"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { extendHoldAction, nameCollectorAction, type OfferAnswerResult } from "@/app/(shop)/orders/[token]/actions";
import { holdHoursText } from "@/lib/platform/format/hold-hours";

type Props = { token: string; holdExtensionHours: number; holdExtended: boolean; collectorName: string | null; onChange: () => void };

/** A day at a time up to the retailer's limit, and the limit itself. */
function extensionChoices(limit: number): number[] {
  const days = Array.from({ length: Math.floor(limit / 24) }, (_, i) => (i + 1) * 24);
  return days.at(-1) === limit ? days : [...days, limit];
}

/** What the shopper may change about collecting: a longer hold (once), and someone else picking up. */
export function PickupChanges({ token, holdExtensionHours, holdExtended, collectorName, onChange }: Props) {
  const nameId = useId();
  const extendById = useId();
  const [extendBy, setExtendBy] = useState(holdExtensionHours);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(collectorName ?? "");
  const [result, setResult] = useState<OfferAnswerResult | null>(null);
  const extend = useMutation({ mutationFn: () => extendHoldAction(token, extendBy), onSettled: (answer) => (setResult(answer ?? null), onChange()) });
  const collector = useMutation({
    mutationFn: () => nameCollectorAction(token, name),
    onSettled: (answer) => {
      setResult(answer ?? null);
      if (answer?.ok) setNaming(false);
      return onChange();
    },
  });
  return (
    <section aria-labelledby="pickup-changes-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="pickup-changes-heading" className="font-semibold">
        Picking up
      </h2>
      {collectorName ? <p>{collectorName} may pick it up (with your pickup code).</p> : null}
      {holdExtended ? <p className="text-sm text-slate-600">You extended the hold once already.</p> : null}
      <div className="flex flex-wrap gap-3">
        {holdExtensionHours > 0 ? (
          <label htmlFor={extendById} className="sr-only">
            Extend by
          </label>
        ) : null}
        {holdExtensionHours > 0 ? (
          <select id={extendById} value={extendBy} onChange={(event) => setExtendBy(Number(event.target.value))} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3">
            {extensionChoices(holdExtensionHours).map((hours) => (
              <option key={hours} value={hours}>
                {holdHoursText(hours)}
              </option>
            ))}
          </select>
        ) : null}
        {holdExtensionHours > 0 ? (
          <button type="button" onClick={() => extend.mutate()} disabled={extend.isPending} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
            Extend hold
          </button>
        ) : null}
        <button type="button" onClick={() => setNaming(true)} aria-expanded={naming} className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium hover:bg-slate-50">
          Someone else will pick up
        </button>
      </div>
      {holdExtensionHours > 0 ? <p className="text-sm text-slate-600">Extend hold keeps it up to {holdHoursText(holdExtensionHours)} longer; you can do it once.</p> : null}
      {naming ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            collector.mutate();
          }}
          className="flex flex-wrap items-end gap-3"
        >
          <div>
            <label htmlFor={nameId} className="block text-sm font-medium">
              Their name
            </label>
            <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} maxLength={80} autoComplete="off" className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3" />
          </div>
          <button type="submit" disabled={collector.isPending} className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            Save
          </button>
        </form>
      ) : null}
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "text-emerald-800" : "text-red-800"}>
          {result.message}
        </p>
      ) : null}
    </section>
  );
}
