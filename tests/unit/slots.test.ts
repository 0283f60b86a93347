import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { StoreSchedule } from "@/lib/oms/slots/opening-hours";
import { openingStatus } from "@/lib/oms/slots/opening-status";
import { candidateSlots, offerSlots } from "@/lib/oms/slots/slots";

const everyDay = (open: number, close: number) => Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: open * 60, closesAtMin: close * 60 }));
const zone = "America/Chicago";
const schedule: StoreSchedule = { timeZone: zone, hours: everyDay(9, 21) };
const local = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const show = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("MM-dd HH:mm");

describe("pickup slots", () => {
  it("run from ready-by to the end of the hold window, inside opening hours", () => {
    const slots = candidateSlots({ schedule, readyBy: local("2026-03-03T19:10"), slotMinutes: 60, holdHours: 24 });
    expect(slots.map((s) => `${show(s.startsAt)}-${show(s.endsAt)}`)).toEqual([
      "03-03 19:00-03-03 20:00",
      "03-03 20:00-03-03 21:00",
      ...Array.from({ length: 10 }, (_, i) => `03-04 ${String(9 + i).padStart(2, "0")}:00-03-04 ${String(10 + i).padStart(2, "0")}:00`),
    ]);
  });

  it("leave out a window that ends too soon after the order is ready", () => {
    const slots = candidateSlots({ schedule, readyBy: local("2026-03-03T19:50"), slotMinutes: 60, holdHours: 2 });
    expect(slots.map((s) => show(s.startsAt))).toEqual(["03-03 20:00"]);
  });

  it("end the last window of a day at closing time", () => {
    const halfPast: StoreSchedule = { timeZone: zone, hours: everyDay(9, 21).map((d) => ({ ...d, closesAtMin: 20 * 60 + 30 })) };
    const slots = candidateSlots({ schedule: halfPast, readyBy: local("2026-03-03T18:00"), slotMinutes: 60, holdHours: 3 });
    expect(slots.map((s) => `${show(s.startsAt)}-${show(s.endsAt)}`)).toEqual(["03-03 18:00-03-03 19:00", "03-03 19:00-03-03 20:00", "03-03 20:00-03-03 20:30"]);
  });

  it("stay on the local clock across a daylight-saving change", () => {
    const slots = candidateSlots({ schedule, readyBy: local("2026-03-07T20:30"), slotMinutes: 60, holdHours: 14 });
    const sunday = slots.filter((s) => show(s.startsAt).startsWith("03-08"));
    expect(sunday.map((s) => show(s.startsAt))).toEqual(["03-08 09:00", "03-08 10:00"]);
    // 9:00 CDT is 14:00 UTC, one hour earlier in UTC than 9:00 CST the day before.
    expect(sunday[0]!.startsAt.toISOString()).toBe("2026-03-08T14:00:00.000Z");
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3_600_000)).toBe(true);
  });

  it("do not offer full windows", () => {
    const slots = candidateSlots({ schedule, readyBy: local("2026-03-03T18:00"), slotMinutes: 60, holdHours: 3 });
    const booked = new Map([
      [slots[0]!.startsAt.getTime(), { booked: 3, capacity: 3 }],
      [slots[1]!.startsAt.getTime(), { booked: 1, capacity: 3 }],
    ]);
    const offered = offerSlots(slots, 3, booked);
    expect(offered.map((s) => [show(s.startsAt), s.remaining])).toEqual([
      ["03-03 19:00", 2],
      ["03-03 20:00", 3],
    ]);
  });
});

describe("a store's opening status", () => {
  const schedule = { timeZone: "America/Chicago", hours: [{ weekday: 2, opensAtMin: 9 * 60, closesAtMin: 21 * 60 }] };
  it("says whether it is open now, opens later today, or is closed, in the store's zone", () => {
    // Tuesday 1 December 2026 in Chicago (UTC-6).
    expect(openingStatus(schedule, new Date("2026-12-01T13:00:00Z"))).toBe("Opens today at 9 AM");
    expect(openingStatus(schedule, new Date("2026-12-01T18:30:00Z"))).toBe("Open now until 9 PM");
    expect(openingStatus(schedule, new Date("2026-12-02T03:30:00Z"))).toBe("Closed for today (open 9 AM – 9 PM)");
    expect(openingStatus(schedule, new Date("2026-12-02T18:00:00Z"))).toBe("Closed today");
  });
});
