"use client";

import { useEffect, useMemo } from "react";
import type { StoreChoice } from "@/app/(shop)/checkout/types";
import { ChipRadioGroup } from "../ui/chip-radio-group";
import { usePickupSlots } from "./use-pickup-slots";

type PickupOptionsProps = {
  store: StoreChoice;
  method: "IN_STORE" | "CURBSIDE";
  onMethodChange(method: "IN_STORE" | "CURBSIDE"): void;
  slot: string;
  onSlotChange(slot: string): void;
  error?: string;
};

/**
 * In-store or curbside, then a day and a time from the store's live offer. The earliest
 * free window is chosen for the shopper; changing the day picks that day's earliest.
 */
export function PickupOptions({ store, method, onMethodChange, slot, onSlotChange, error }: PickupOptionsProps) {
  const slots = usePickupSlots(store.id);
  const offered = useMemo(() => slots.data?.slots ?? [], [slots.data]);
  const days = useMemo(() => [...new Map(offered.map((option) => [option.day, option.dayLabel])).entries()], [offered]);
  const chosen = offered.find((option) => option.value === slot);
  const day = chosen?.day ?? days[0]?.[0] ?? null;

  // Preselect the earliest free window, and move off one that is no longer offered.
  useEffect(() => {
    if (offered.length > 0 && !offered.some((option) => option.value === slot)) onSlotChange(offered[0]!.value);
  }, [offered, slot, onSlotChange]);

  const chooseDay = (next: string) => {
    const first = offered.find((option) => option.day === next);
    if (first) onSlotChange(first.value);
  };

  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="Pickup method" className="flex flex-wrap gap-3">
        {(
          [
            ["IN_STORE", "In-store pickup", "Collect at the pickup counter."],
            ["CURBSIDE", "Curbside pickup", store.curbsideEnabled ? "Tell us you're here and we bring it to your car." : "Not offered at this store."],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="flex min-h-11 flex-1 cursor-pointer items-start gap-2 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-100 has-[:disabled]:opacity-50">
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

      {days.length > 0 ? (
        <fieldset className="min-w-0">
          <legend className="text-sm font-medium">Pickup day</legend>
          <div className="mt-1">
            <ChipRadioGroup label="Pickup day" name="pickupDay" options={days.map(([value, label]) => ({ value, label }))} value={day} onChange={chooseDay} />
          </div>
        </fieldset>
      ) : null}

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
          {offered
            .filter((option) => option.day === day)
            .map((option) => (
              <option key={option.value} value={option.value}>
                {option.timeLabel}
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
              ? `Ready by ${slots.data.readyByLabel}. Times are the store's local time.${chosen ? ` We hold it until ${chosen.holdUntilLabel}.` : ""}`
              : slots.data
                ? "This store has no pickup times available right now."
                : ""}
          </p>
        )}
      </div>
    </div>
  );
}
