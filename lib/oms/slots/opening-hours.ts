import { DateTime } from "luxon";
import { timeZone } from "@/lib/platform/time-zone";

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday), in minutes after local midnight. */
export type DayHours = { weekday: number; opensAtMin: number; closesAtMin: number };

export type StoreSchedule = { timeZone: string; hours: DayHours[] };

/** An open interval as instants (epoch milliseconds), with the local day it falls on. */
export type Interval = { start: number; end: number; day: LocalDay };

/** A day on the store's own calendar: days since 1970-01-01 there. */
type LocalDay = { timeZone: string; index: number };

const DAY_MS = 86_400_000;

/**
 * Wall-clock minutes of a local day as an instant. Setting hour and minute (rather
 * than adding minutes to midnight) keeps 9:00 at 9:00 on days when clocks change.
 */
export function atLocalMinutes(day: DateTime, minutes: number): DateTime {
  if (minutes >= 24 * 60) return day.startOf("day").plus({ days: 1 });
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

// Opening hours and pickup windows are the same for every search that touches a store's day:
// they are worked out once (with luxon, which knows the zone's clock changes) and remembered
// as instants, so a search of twenty stores does arithmetic on numbers, not hundreds of dates.
const MOST_REMEMBERED = 20_000;
const remembered = new Map<string, unknown>();

function remember<T>(key: string, work: () => T): T {
  if (remembered.has(key)) return remembered.get(key) as T;
  const value = work();
  if (remembered.size >= MOST_REMEMBERED) remembered.clear();
  remembered.set(key, value);
  return value;
}

const midnightOf = (day: LocalDay) => DateTime.fromMillis(day.index * DAY_MS, { zone: "utc" }).setZone(timeZone(day.timeZone), { keepLocalTime: true });

/** The local day an instant falls on in a zone. */
function localDayOf(timeZoneName: string, at: number): LocalDay {
  const offsetMinutes = timeZone(timeZoneName).offset(at);
  return { timeZone: timeZoneName, index: Math.floor((at + offsetMinutes * 60_000) / DAY_MS) };
}

/** ISO weekday (1 = Monday) of a local day: 1970-01-01 was a Thursday. */
const weekdayOf = (day: LocalDay) => ((((day.index + 3) % 7) + 7) % 7) + 1;

/** A day's open interval as instants. */
function dayInterval(day: LocalDay, hours: DayHours): { start: number; end: number } {
  return remember(`interval|${day.timeZone}|${day.index}|${hours.opensAtMin}|${hours.closesAtMin}`, () => {
    const midnight = midnightOf(day);
    return { start: atLocalMinutes(midnight, hours.opensAtMin).toMillis(), end: atLocalMinutes(midnight, hours.closesAtMin).toMillis() };
  });
}

/**
 * The pickup windows of an open interval, `slotMinutes` long, aligned to the store's local
 * clock from its opening (10:00, 11:00 …); the last one ends at closing time.
 */
export function windowsOf(interval: Interval, slotMinutes: number): readonly (readonly [number, number])[] {
  return remember(`windows|${interval.day.timeZone}|${interval.day.index}|${interval.start}|${interval.end}|${slotMinutes}`, () => {
    const start = DateTime.fromMillis(interval.start, { zone: timeZone(interval.day.timeZone) });
    const end = DateTime.fromMillis(interval.end, { zone: timeZone(interval.day.timeZone) });
    const day = start.startOf("day");
    const opensAt = start.hour * 60 + start.minute;
    const windows: [number, number][] = [];
    for (let minute = opensAt; ; minute += slotMinutes) {
      const windowStart = atLocalMinutes(day, minute).toMillis();
      if (windowStart >= interval.end) break;
      windows.push([windowStart, DateTime.min(atLocalMinutes(day, minute + slotMinutes), end).toMillis()]);
    }
    return windows;
  });
}

/** The store's open intervals that end after `from`, in its own time zone, day by day. */
export function* openIntervals(schedule: StoreSchedule, from: Date, maxDays = 14): Generator<Interval> {
  const byWeekday = new Map(schedule.hours.map((h) => [h.weekday, h]));
  const today = localDayOf(schedule.timeZone, from.getTime());
  // Today first: opening hours end by midnight (24:00 at the latest), so yesterday's are always over.
  for (let offset = 0; offset <= maxDays; offset++) {
    const day = { timeZone: schedule.timeZone, index: today.index + offset };
    const hours = byWeekday.get(weekdayOf(day));
    if (!hours || hours.closesAtMin <= hours.opensAtMin) continue;
    const interval = dayInterval(day, hours);
    if (interval.end > from.getTime()) yield { ...interval, day };
  }
}
