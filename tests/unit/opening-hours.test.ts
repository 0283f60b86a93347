import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { atLocalMinutes, openIntervals, windowsOf, type StoreSchedule } from "@/lib/oms/slots/opening-hours";

// The remembered intervals and windows against luxon worked out day by day, as the
// store's calendar would be read without them: every zone shape (daylight saving, half-hour
// and 45-minute offsets, a 30-minute shift, the southern hemisphere), around clock changes.
function referenceIntervals(schedule: StoreSchedule, from: Date, maxDays = 14) {
  const byWeekday = new Map(schedule.hours.map((h) => [h.weekday, h]));
  const fromLocal = DateTime.fromJSDate(from, { zone: schedule.timeZone });
  const intervals: { start: number; end: number }[] = [];
  for (let offset = 0; offset <= maxDays; offset++) {
    const day = fromLocal.startOf("day").plus({ days: offset });
    const hours = byWeekday.get(day.weekday);
    if (!hours || hours.closesAtMin <= hours.opensAtMin) continue;
    const interval = { start: atLocalMinutes(day, hours.opensAtMin).toMillis(), end: atLocalMinutes(day, hours.closesAtMin).toMillis() };
    if (interval.end > from.getTime()) intervals.push(interval);
  }
  return intervals;
}

function referenceWindows(timeZone: string, interval: { start: number; end: number }, slotMinutes: number) {
  const start = DateTime.fromMillis(interval.start, { zone: timeZone });
  const day = start.startOf("day");
  const windows: [number, number][] = [];
  for (let minute = start.hour * 60 + start.minute; ; minute += slotMinutes) {
    const windowStart = atLocalMinutes(day, minute).toMillis();
    if (windowStart >= interval.end) break;
    windows.push([windowStart, Math.min(atLocalMinutes(day, minute + slotMinutes).toMillis(), interval.end)]);
  }
  return windows;
}

const ZONES = ["America/Chicago", "America/New_York", "America/St_Johns", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/Phoenix"];
const HOURS: StoreSchedule["hours"][] = [
  Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: 9 * 60, closesAtMin: 21 * 60 })),
  Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: 0, closesAtMin: 24 * 60 })),
  // Early hours through the clock change, a late close, a closed Sunday.
  Array.from({ length: 6 }, (_, i) => ({ weekday: i + 1, opensAtMin: 90, closesAtMin: 23 * 60 + 30 })),
];
// Around the 2026 changes in both hemispheres, and midnights in between.
const INSTANTS = ["2026-03-08T06:00:00Z", "2026-03-29T00:30:00Z", "2026-04-05T12:00:00Z", "2026-09-27T13:59:00Z", "2026-10-04T03:00:00Z", "2026-11-01T05:30:00Z", "2026-12-31T23:59:59Z"];

describe("a store's opening intervals and pickup windows", () => {
  it("are the instants luxon gives day by day, in every kind of zone and across clock changes", () => {
    for (const timeZone of ZONES) {
      for (const hours of HOURS) {
        for (const instant of INSTANTS) {
          for (const shiftHours of [0, 7, 13, 19]) {
            const from = new Date(Date.parse(instant) + shiftHours * 3_600_000);
            const schedule = { timeZone, hours };
            const intervals = [...openIntervals(schedule, from)];
            const label = `${timeZone} from ${from.toISOString()}`;
            expect(intervals.map(({ start, end }) => ({ start, end })), label).toEqual(referenceIntervals(schedule, from));
            for (const interval of intervals) expect(windowsOf(interval, 45), label).toEqual(referenceWindows(timeZone, interval, 45));
          }
        }
      }
    }
  });
});
