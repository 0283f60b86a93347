"use client";

import { startPickingAction } from "@/app/(store)/store/actions";
import { ActionMessage, useStoreAction } from "./store-action";

export function StartPickingButton({ orderNumber, onDone }: { orderNumber: number; onDone: () => void }) {
  const start = useStoreAction(startPickingAction, onDone);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => start.mutate(orderNumber)}
        disabled={start.isPending}
        className="min-h-14 rounded-xl bg-emerald-700 px-8 text-xl font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
      >
        Start picking
      </button>
      <ActionMessage result={start.data} />
    </div>
  );
}
