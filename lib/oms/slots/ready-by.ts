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

/** Ready-by is promised on the 5-minute mark (zone offsets are whole quarter hours, so this is local too). */
const ROUND_MS = 5 * 60_000;

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
  return done && new Date(Math.ceil(done.getTime() / ROUND_MS) * ROUND_MS);
}

/**
 * The moment `minutes` of opening time have passed after `from`: the clock stops while
 * the store is closed. Null when the store has no opening hours ahead.
 */
export function addOpeningMinutes(schedule: StoreSchedule, from: Date, minutes: number): Date | null {
  let remaining = minutes;
  for (const interval of openIntervals(schedule, from)) {
    const start = Math.max(interval.start, from.getTime());
    const available = (interval.end - start) / 60_000;
    if (remaining <= available) return new Date(start + remaining * 60_000);
    remaining -= available;
  }
  return null;
}
