import { DateTime } from "luxon";
import { timeZone } from "@/lib/platform/time-zone";
import { openIntervals, type StoreSchedule } from "./opening-hours";

export type ReadyByInput = {
  schedule: StoreSchedule;
  now: Date;
  /** Minutes one associate needs to pick and stage an order. */
  prepMinutes: number;
  /** Associates picking side by side. */
  pickers: number;
  /** Orders already waiting to be picked at this store. */
  queuedOrders: number;
};

const ROUND_TO_MINUTES = 5;

/** Minutes of store work before a new order is ready: the queue ahead, then its own pick. */
export function workMinutesAhead(input: Pick<ReadyByInput, "prepMinutes" | "pickers" | "queuedOrders">): number {
  const rounds = Math.floor(input.queuedOrders / Math.max(1, input.pickers));
  return (rounds + 1) * input.prepMinutes;
}

/**
 * When a new order can honestly be promised ready. Work only happens while the store
 * is open in its own time zone, so an order placed at 11 PM is picked the next morning,
 * not "ready at midnight". Returns null when the store has no opening hours ahead.
 */
export function computeReadyBy(input: ReadyByInput): Date | null {
  const done = addOpeningMinutes(input.schedule, input.now, workMinutesAhead(input));
  return done && roundUp(DateTime.fromJSDate(done, { zone: timeZone(input.schedule.timeZone) })).toJSDate();
}

/**
 * The moment `minutes` of opening time have passed after `from`: the clock stops while
 * the store is closed. Null when the store has no opening hours ahead.
 */
export function addOpeningMinutes(schedule: StoreSchedule, from: Date, minutes: number): Date | null {
  let remaining = minutes;
  for (const interval of openIntervals(schedule, from)) {
    const start = DateTime.max(interval.start, DateTime.fromJSDate(from, { zone: timeZone(schedule.timeZone) }));
    const available = interval.end.diff(start, "minutes").minutes;
    if (remaining <= available) return start.plus({ minutes: remaining }).toJSDate();
    remaining -= available;
  }
  return null;
}

function roundUp(time: DateTime): DateTime {
  const ms = ROUND_TO_MINUTES * 60_000;
  return DateTime.fromMillis(Math.ceil(time.toMillis() / ms) * ms, { zone: time.zone });
}
