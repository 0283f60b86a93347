import { openIntervals, windowsOf, type StoreSchedule } from "./opening-hours";

import type { SlotWindow } from "@/lib/platform/format/pickup-window";

export type { SlotWindow };

export type SlotOfferInput = {
  schedule: StoreSchedule;
  readyBy: Date;
  slotMinutes: number;
  /** How long the store holds a ready order: slots run until then. */
  holdHours: number;
  /** Stop after this many windows (the first few are all a store picker shows). */
  limit?: number;
  /** Stop after the window starting then (a checkout only needs to know its chosen one is still offered). */
  through?: Date;
};

/** A shopper needs at least this long inside a slot after the order is ready. */
export const MIN_MINUTES_AFTER_READY = 15;

/**
 * Pickup windows from ready-by to the end of the hold window (a window must end
 * before the hold does: the order is released after that). Windows are aligned to
 * the store's local clock (10:00, 11:00 …) so everyone books the same window rows;
 * the last window of a day ends at closing time.
 */
export function candidateSlots(input: SlotOfferInput): SlotWindow[] {
  const holdEnds = input.readyBy.getTime() + input.holdHours * 3_600_000;
  const earliestEnd = input.readyBy.getTime() + MIN_MINUTES_AFTER_READY * 60_000;
  const slots: SlotWindow[] = [];
  for (const interval of openIntervals(input.schedule, input.readyBy)) {
    if (interval.start >= holdEnds) break;
    for (const [start, end] of windowsOf(interval, input.slotMinutes)) {
      if (start >= holdEnds) break;
      if (input.through && start > input.through.getTime()) return slots;
      if (end > holdEnds) break;
      if (end >= earliestEnd) slots.push({ startsAt: new Date(start), endsAt: new Date(end) });
      if (slots.length === input.limit) return slots;
    }
  }
  return slots;
}

export type SlotOffer = SlotWindow & { remaining: number };

/** Leaves out full windows; `booked` maps a window's start (ms) to its bookings. */
export function offerSlots(candidates: SlotWindow[], capacity: number, booked: Map<number, { booked: number; capacity: number }>): SlotOffer[] {
  return candidates
    .map((slot) => {
      const row = booked.get(slot.startsAt.getTime());
      return { ...slot, remaining: (row?.capacity ?? capacity) - (row?.booked ?? 0) };
    })
    .filter((slot) => slot.remaining > 0);
}
