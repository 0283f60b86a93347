"use client";

import { NOT_TAKING_ORDERS } from "@/lib/oms/stores/store-capacity";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { findStoresAction } from "@/app/(shop)/checkout/actions";
import type { StoreChoice } from "@/app/(shop)/checkout/types";
import { plural } from "@/lib/platform/format/plural";
import type { CartLine } from "../cart/cart-provider";
import { StoreHoursList } from "../orders/store-hours-list";

type Search = { query: string } | { coordinates: { latitude: number; longitude: number } };

type StorePickerProps = {
  /** The checkout's id: units it holds count as available to it. */
  checkoutId: string;
  lines: CartLine[];
  productNames: Map<string, string>;
  selectedStoreId: string | null;
  onSelect(store: StoreChoice | null): void;
};

function availabilityText(store: StoreChoice): string {
  if (store.canFillAll) return store.linesTotal === 1 ? "In stock" : `All ${store.linesTotal} items available`;
  return `${store.linesAvailable} of ${plural(store.linesTotal, "item")}`;
}

/** Finds nearby stores and lets the shopper choose one that has the whole cart. */
export function StorePicker({ checkoutId, lines, productNames, selectedStoreId, onSelect }: StorePickerProps) {
  const [text, setText] = useState("");
  const [radiusMiles, setRadiusMiles] = useState<10 | 25 | 50 | 100>(25);
  const [search, setSearch] = useState<Search | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);

  const stores = useQuery({
    queryKey: ["pickup-stores", search, radiusMiles, lines],
    queryFn: () => findStoresAction({ ...search, radiusMiles, lines, checkoutId }),
    enabled: search !== null && lines.length > 0,
  });

  function useMyLocation() {
    setGeoError(null);
    if (!("geolocation" in navigator)) return setGeoError("This browser cannot share its location. Type a ZIP code or city.");
    navigator.geolocation.getCurrentPosition(
      (position) => setSearch({ coordinates: { latitude: position.coords.latitude, longitude: position.coords.longitude } }),
      () => setGeoError("We could not get your location. Type a ZIP code or city instead."),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  const result = stores.data;

  // Fresh availability can take the chosen store out of reach (someone bought the last unit).
  useEffect(() => {
    const chosen = result?.ok ? result.stores.find((store) => store.id === selectedStoreId) : undefined;
    if (chosen && !(chosen.canFillAll && chosen.takingOrders)) onSelect(null);
  }, [result, selectedStoreId, onSelect]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-52 flex-1">
          <label htmlFor="store-search" className="block text-sm font-medium">
            ZIP code or city
          </label>
          <input
            id="store-search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                setSearch({ query: text });
              }
            }}
            autoComplete="postal-code"
            placeholder="e.g. 78701 or Austin, TX"
            className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
          />
        </div>
        <label className="text-sm font-medium">
          Within
          <select
            value={radiusMiles}
            onChange={(event) => setRadiusMiles(Number(event.target.value) as 10 | 25 | 50 | 100)}
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-2"
          >
            {[10, 25, 50, 100].map((miles) => (
              <option key={miles} value={miles}>
                {miles} miles
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setSearch({ query: text })} className="min-h-11 rounded-lg bg-slate-800 px-4 font-medium text-white hover:bg-slate-900">
          Find stores
        </button>
        <button type="button" onClick={useMyLocation} className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium hover:bg-slate-50">
          Use my location
        </button>
      </div>

      <div aria-live="polite" className="text-sm">
        {geoError ? <p className="text-red-700">{geoError}</p> : null}
        {/* Only while there is nothing to show yet: a background refresh keeps the list in place. */}
        {stores.isLoading ? <p className="text-slate-600">Looking for stores…</p> : null}
        {stores.isError ? <p className="text-red-700">We could not load stores. Try again.</p> : null}
        {result && !result.ok ? <p className="text-red-700">{result.message}</p> : null}
        {result?.ok && result.stores.length === 0 ? (
          <p className="text-slate-700">No stores within {radiusMiles} miles of {result.origin}. Try a wider distance.</p>
        ) : null}
        {result?.ok && result.stores.length > 0 ? (
          <p className="text-slate-600">
            {result.stores.length} {result.stores.length === 1 ? "store" : "stores"} near {result.origin}, nearest first
          </p>
        ) : null}
      </div>

      {result?.ok && result.stores.length > 0 ? (
        <div role="radiogroup" aria-label="Pickup store" className="space-y-2">
          {result.stores.map((store) => {
            const choosable = store.canFillAll && store.takingOrders;
            return (
            <div
              key={store.id}
              className={`rounded-lg border p-3 ${choosable ? "border-slate-200 hover:border-brand-600" : "border-slate-100 bg-slate-50 text-slate-500"} ${
                selectedStoreId === store.id ? "border-brand-600 ring-2 ring-brand-100" : ""
              }`}
            >
              <label className={`flex gap-3 ${choosable ? "cursor-pointer" : ""}`}>
              <input
                type="radio"
                name="pickupStore"
                value={store.id}
                checked={selectedStoreId === store.id}
                disabled={!choosable}
                onChange={() => onSelect(store)}
                aria-describedby={`store-${store.id}-details`}
                className="mt-1 h-5 w-5"
              />
              <span className="flex-1">
                <span className="block font-semibold">{store.name}</span>
                <span id={`store-${store.id}-details`} className="block text-sm">
                  <span className="block">
                    {store.distanceMiles} mi · {store.address}
                  </span>
                  {store.takingOrders ? (
                    <span className={`block font-medium ${store.canFillAll ? "text-emerald-700" : "text-amber-700"}`}>{availabilityText(store)}</span>
                  ) : (
                    <span className="block font-medium text-amber-700">{NOT_TAKING_ORDERS}</span>
                  )}
                  {store.shortProductIds.length > 0 ? (
                    <span className="block">Not enough: {store.shortProductIds.map((id) => productNames.get(id) ?? "an item").join(", ")}</span>
                  ) : null}
                  <span className="block">{store.readyByLabel ? `Ready by ${store.readyByLabel}` : "No pickup times available"}</span>
                  <span className="block">{store.openingStatus}</span>
                  {store.curbsideEnabled ? <span className="block">Curbside available</span> : null}
                </span>
              </span>
              </label>
              <details className="mt-1 pl-8 text-sm">
                <summary className="cursor-pointer text-brand-700 underline">
                  Store hours<span className="sr-only"> at {store.name}</span>
                </summary>
                <div className="mt-1">
                  <StoreHoursList hours={store.hours} />
                </div>
              </details>
            </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
