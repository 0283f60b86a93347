"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { resyncOrdersAction } from "@/app/(ops)/ops/reconciliation/actions";

/**
 * Re-sends what every listed order is missing (idempotent), then shows the overview again.
 * Stays mounted when the list empties, so the outcome is still there to read.
 */
export function ResyncAllButton({ orderNumbers, label }: { orderNumbers: number[]; label: string }) {
  const router = useRouter();
  const resync = useMutation({ mutationFn: () => resyncOrdersAction({ orderNumbers }), onSettled: () => router.refresh() });
  if (orderNumbers.length === 0 && !resync.data) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {orderNumbers.length > 0 ? (
        <button
          type="button"
          onClick={() => resync.mutate()}
          disabled={resync.isPending}
          className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {label}
        </button>
      ) : null}
      {resync.data ? (
        <p role={resync.data.ok ? "status" : "alert"} className={resync.data.ok ? "text-emerald-700" : "text-red-700"}>
          {resync.data.message}
        </p>
      ) : null}
    </div>
  );
}
