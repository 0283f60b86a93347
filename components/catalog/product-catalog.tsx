"use client";

import Image from "next/image";
import { useDeferredValue, useMemo, useState } from "react";
import type { CatalogProduct } from "@/lib/oms/catalog/list-products";
import { formatCents } from "@/lib/platform/money";
import { AddToCartButton } from "../cart/add-to-cart-button";
import { ChipRadioGroup } from "../ui/chip-radio-group";

const ALL = "All";

/** Everything the store sells, by category, narrowed as the shopper types or picks a category. */
export function ProductCatalog({ products }: { products: CatalogProduct[] }) {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState(ALL);
  const search = useDeferredValue(query.trim().toLowerCase());
  const categories = useMemo(() => [...new Set(products.map((product) => product.category))], [products]);
  const shown = products.filter(
    (product) =>
      (category === ALL || product.category === category) &&
      (!search || `${product.name} ${product.description} ${product.category}`.toLowerCase().includes(search)),
  );
  const shownCategories = categories.filter((name) => shown.some((product) => product.category === name));

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <div>
          <label htmlFor="product-search" className="block text-sm font-medium">
            Search products
          </label>
          <input
            id="product-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="e.g. earbuds, soap, chair"
            autoComplete="off"
            className="mt-1 block min-h-11 w-full max-w-md rounded-lg border border-slate-300 bg-white px-3"
          />
        </div>
        <ChipRadioGroup label="Category" name="category" options={[ALL, ...categories].map((name) => ({ value: name, label: name }))} value={category} onChange={setCategory} />
        <p aria-live="polite" className="text-sm text-slate-600">
          {shown.length === products.length ? `${products.length} products` : `${shown.length} of ${products.length} products`}
        </p>
      </div>

      {shown.length === 0 ? <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">Nothing matches &ldquo;{query}&rdquo;. Try another word or category.</p> : null}

      {shownCategories.map((name) => (
        <section key={name} aria-labelledby={`category-${name}`}>
          <h2 id={`category-${name}`} className="mb-4 text-xl font-semibold">
            {name}
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {shown
              .filter((product) => product.category === name)
              .map((product) => (
                <li key={product.id}>
                  <article aria-label={product.name} className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
                    <Image
                      src={product.imageUrl}
                      alt=""
                      width={320}
                      height={200}
                      sizes="(min-width: 1024px) 25vw, 50vw"
                      className="aspect-[8/5] h-auto w-full rounded-lg object-cover"
                    />
                    <h3 className="mt-3 font-semibold leading-snug">{product.name}</h3>
                    <p className="mt-1 line-clamp-3 flex-1 text-sm text-slate-600">{product.description}</p>
                    <p className="mt-2 font-semibold">{formatCents(product.priceCents)}</p>
                    <div className="mt-3">
                      <AddToCartButton productId={product.id} productName={product.name} />
                    </div>
                  </article>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
