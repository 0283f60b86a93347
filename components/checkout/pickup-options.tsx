"use client";

import { useQuery } from "@tanstack/react-query";
import { pickupSlotsAction } from "@/app/(shop)/checkout/actions";
import type { StoreChoice } from "@/app/(shop)/checkout/types";

type PickupOptionsProps = {
  store: StoreChoice;
  method: "IN_STORE" | "CURBSIDE";
  onMethodChange(method: "IN_STORE" | "CURBSIDE"): void;
  slot: string;
  onSlotChange(slot: string): void;
  error?: string;
};

/** In-store or curbside, and a pickup window from the store's live offer. */
export function PickupOptions({ store, method, onMethodChange, slot, onSlotChange, error }: PickupOptionsProps) {
  const slots = useQuery({
    queryKey: ["pickup-slots", store.id],
    queryFn: () => pickupSlotsAction(store.id),
    refetchInterval: 60_000,
  });

  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="Pickup method" className="flex flex-wrap gap-3">
        {(
          [
            ["IN_STORE", "In-store pickup", "Collect at the pickup counter."],
            ["CURBSIDE", "Curbside pickup", store.curbsideEnabled ? "Tell us you're here and we bring it to your car." : "Not offered at this store."],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="flex min-h-11 flex-1 cursor-pointer items-start gap-2 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:disabled]:opacity-50">
            <input
              type="radio"
              name="pickupMethod"
              value={value}
              checked={method === value}
              disabled={value === "CURBSIDE" && !store.curbsideEnabled}
              onChange={() => onMethodChange(value)}
              className="mt-1 h-5 w-5"
            />
            <span>
              <span className="block font-medium">{label}</span>
              <span className="block text-sm text-slate-600">{hint}</span>
            </span>
          </label>
        ))}
      </div>

      <div>
        <label htmlFor="pickup-time" className="block text-sm font-medium">
          Pickup time
        </label>
        <select
          id="pickup-time"
          name="slotStartsAt"
          value={slot}
          onChange={(event) => onSlotChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "pickup-time-error" : "pickup-time-hint"}
          className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3"
        >
          <option value="">{slots.isLoading ? "Loading pickup times…" : "Choose a pickup time"}</option>
          {slots.data?.slots.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
              {option.remaining <= 2 ? ` (only ${option.remaining} left)` : ""}
            </option>
          ))}
        </select>
        {error ? (
          <p id="pickup-time-error" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : (
          <p id="pickup-time-hint" className="mt-1 text-sm text-slate-600">
            {slots.data?.readyByLabel
              ? `Ready by ${slots.data.readyByLabel}. Times are the store's local time; we hold your order until the end of the hold window.`
              : slots.data
                ? "This store has no pickup times available right now."
                : ""}
          </p>
        )}
      </div>
    </div>
  );
}
