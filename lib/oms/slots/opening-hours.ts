import { DateTime } from "luxon";
import { timeZone } from "@/lib/platform/time-zone";

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday), in minutes after local midnight. */
export type DayHours = { weekday: number; opensAtMin: number; closesAtMin: number };

export type StoreSchedule = { timeZone: string; hours: DayHours[] };

export type Interval = { start: DateTime; end: DateTime };

/**
 * Wall-clock minutes of a local day as an instant. Setting hour and minute (rather
 * than adding minutes to midnight) keeps 9:00 at 9:00 on days when clocks change.
 */
export function atLocalMinutes(day: DateTime, minutes: number): DateTime {
  if (minutes >= 24 * 60) return day.startOf("day").plus({ days: 1 });
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/** The store's open intervals that end after `from`, in its own time zone, day by day. */
export function* openIntervals(schedule: StoreSchedule, from: Date, maxDays = 14): Generator<Interval> {
  const byWeekday = new Map(schedule.hours.map((h) => [h.weekday, h]));
  const fromLocal = DateTime.fromJSDate(from, { zone: timeZone(schedule.timeZone) });
  // Today first: opening hours end by midnight (24:00 at the latest), so yesterday's are always over.
  for (let offset = 0; offset <= maxDays; offset++) {
    const day = fromLocal.startOf("day").plus({ days: offset });
    const hours = byWeekday.get(day.weekday);
    if (!hours || hours.closesAtMin <= hours.opensAtMin) continue;
    const interval = { start: atLocalMinutes(day, hours.opensAtMin), end: atLocalMinutes(day, hours.closesAtMin) };
    if (interval.end.toMillis() > from.getTime()) yield interval;
  }
}
