"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { ReasonSelect } from "./reason-select";
import { ActionMessage, useStoreAction } from "./store-action";

type Props = {
  orderNumber: number;
  onDone: () => void;
  action: (input: { orderNumber: number; reason: string }) => Promise<ActionResult>;
  heading: string;
  detail?: string;
  reasonLabel: string;
  reasons: readonly string[];
  submitLabel: string;
  tone: "red" | "amber";
};

const TONES = {
  red: { section: "border-red-200", button: "border-red-600 text-red-700 hover:bg-red-50" },
  amber: { section: "border-amber-300", button: "border-amber-600 text-amber-800 hover:bg-amber-50" },
} as const;

/** An order action that needs a reason chosen first (cancel at the store, reject it). */
export function OrderReasonAction({ orderNumber, onDone, action, heading, detail, reasonLabel, reasons, submitLabel, tone }: Props) {
  const [reason, setReason] = useState("");
  const run = useStoreAction(action, onDone);
  const headingId = `${submitLabel.toLowerCase().replaceAll(" ", "-")}-heading`;
  return (
    <section aria-labelledby={headingId} className={`rounded-xl border bg-white p-4 ${TONES[tone].section}`}>
      <h2 id={headingId} className="text-xl font-semibold">
        {heading}
      </h2>
      {detail ? <p className="mt-1 text-base text-slate-700">{detail}</p> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run.mutate({ orderNumber, reason });
        }}
        className="mt-2 flex flex-wrap items-end gap-3"
      >
        <ReasonSelect label={reasonLabel} value={reason} onChange={setReason} reasons={reasons} />
        <button type="submit" disabled={run.isPending} className={`min-h-12 rounded-lg border-2 px-5 text-lg font-semibold disabled:opacity-60 ${TONES[tone].button}`}>
          {submitLabel}
        </button>
        <ActionMessage result={run.data} />
      </form>
    </section>
  );
}
