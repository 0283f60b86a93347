"use client";

import { useState } from "react";
import { useCart } from "./cart-provider";

export function AddToCartButton({ productId, productName }: { productId: string; productName: string }) {
  const { add, lines } = useCart();
  const [justAdded, setJustAdded] = useState(false);
  const inCart = lines.find((line) => line.productId === productId)?.quantity ?? 0;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <button
        type="button"
        onClick={() => {
          add(productId);
          setJustAdded(true);
          setTimeout(() => setJustAdded(false), 1500);
        }}
        className="min-h-11 rounded-lg border border-brand-600 px-3 font-medium text-brand-700 hover:bg-brand-50"
      >
        Add to cart
      </button>
      <span className="text-sm text-slate-600" aria-live="polite">
        {justAdded ? `Added ${productName}` : inCart > 0 ? `${inCart} in cart` : ""}
      </span>
    </div>
  );
}
