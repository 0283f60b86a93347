"use client";

import { useState } from "react";
import { rejectAtStoreAction } from "@/app/(store)/store/actions";
import { REJECT_REASONS } from "@/lib/pos/store-queue/short-reasons";
import { ReasonSelect } from "./reason-select";
import { ActionMessage, useStoreAction } from "./store-action";

/** The store cannot fill this order: the OMS sends it to another store (or asks the shopper, or cancels it). */
export function RejectAtStore({ orderNumber, onDone }: { orderNumber: number; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const reject = useStoreAction(rejectAtStoreAction, onDone);
  return (
    <section aria-labelledby="reject-order" className="rounded-xl border border-amber-300 bg-white p-4">
      <h2 id="reject-order" className="text-xl font-semibold">
        Can&apos;t fill this order?
      </h2>
      <p className="mt-1 text-base text-slate-700">Rejecting sends it to the next store that has every item; the customer is told where and when.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate({ orderNumber, reason });
        }}
        className="mt-2 flex flex-wrap items-end gap-3"
      >
        <ReasonSelect label="Reason" value={reason} onChange={setReason} reasons={REJECT_REASONS} />
        <button type="submit" disabled={reject.isPending} className="min-h-12 rounded-lg border-2 border-amber-600 px-5 text-lg font-semibold text-amber-800 hover:bg-amber-50 disabled:opacity-60">
          Reject order
        </button>
        <ActionMessage result={reject.data} />
      </form>
    </section>
  );
}
