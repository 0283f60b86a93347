"use client";

import { useState } from "react";
import { cancelAtStoreAction } from "@/app/(store)/store/actions";
import { STORE_CANCEL_REASONS } from "@/lib/pos/store-queue/short-reasons";
import { ReasonSelect } from "./reason-select";
import { ActionMessage, useStoreAction } from "./store-action";

/** Cancel at the POS, with a reason; the OMS runs the cancellation chain from the store's event. */
export function CancelAtStore({ orderNumber, onDone }: { orderNumber: number; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const cancel = useStoreAction(cancelAtStoreAction, onDone);
  return (
    <section aria-labelledby="cancel-order" className="rounded-xl border border-red-200 bg-white p-4">
      <h2 id="cancel-order" className="text-xl font-semibold">
        Cancel this order
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          cancel.mutate({ orderNumber, reason });
        }}
        className="mt-2 flex flex-wrap items-end gap-3"
      >
        <ReasonSelect label="Cancel reason" value={reason} onChange={setReason} reasons={STORE_CANCEL_REASONS} />
        <button type="submit" disabled={cancel.isPending} className="min-h-12 rounded-lg border-2 border-red-600 px-5 text-lg font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60">
          Cancel order
        </button>
        <ActionMessage result={cancel.data} />
      </form>
    </section>
  );
}
