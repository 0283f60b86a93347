"use client";

import { useRouter } from "next/navigation";
import { useCart } from "./cart-provider";

export function CartSummary() {
  const { itemCount, ready } = useCart();
  const router = useRouter();
  return (
    <div className="flex items-center gap-3">
      <span className="whitespace-nowrap text-sm text-slate-600" aria-live="polite">
        {ready ? (
          <>
            {/* A phone shows the count alone; the words stay for screen readers and wider screens. */}
            <span aria-hidden="true" className="rounded-full bg-slate-100 px-2 py-0.5 font-semibold sm:hidden">
              {itemCount}
            </span>
            <span className="sr-only sm:not-sr-only">{`${itemCount} ${itemCount === 1 ? "item" : "items"} in cart`}</span>
          </>
        ) : null}
      </span>
      <button
        type="button"
        onClick={() => router.push("/checkout")}
        disabled={!ready || itemCount === 0}
        className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300"
      >
        Checkout
      </button>
    </div>
  );
}
