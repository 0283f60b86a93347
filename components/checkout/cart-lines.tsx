"use client";

import Image from "next/image";
import type { CatalogProduct } from "@/lib/oms/catalog/list-products";
import { formatCents } from "@/lib/platform/money";
import { useCart } from "../cart/cart-provider";

export function CartLines({ products, shortProductIds }: { products: Map<string, CatalogProduct>; shortProductIds: string[] }) {
  const { lines, setQuantity, remove } = useCart();
  return (
    <ul className="divide-y divide-slate-100">
      {lines.map((line) => {
        const product = products.get(line.productId);
        if (!product) return null;
        const short = shortProductIds.includes(line.productId);
        return (
          <li key={line.productId} className="flex items-center gap-3 py-3">
            <Image src={product.imageUrl} alt="" width={56} height={56} className="h-14 w-14 rounded-md object-cover" />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{product.name}</p>
              <p className="text-sm text-slate-600">{formatCents(product.priceCents)} each</p>
              {short ? <p className="text-sm text-amber-700">Not enough at the chosen store</p> : null}
            </div>
            <label className="text-sm">
              <span className="sr-only">Quantity of {product.name}</span>
              <select
                value={line.quantity}
                onChange={(event) => setQuantity(line.productId, Number(event.target.value))}
                className="min-h-11 rounded-lg border border-slate-300 bg-white px-2"
              >
                {Array.from({ length: 20 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => remove(line.productId)}
              className="min-h-11 rounded-lg px-3 text-sm text-slate-600 hover:bg-slate-100"
              aria-label={`Remove ${product.name}`}
            >
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
}
