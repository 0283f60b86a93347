import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { StoreSchedule } from "@/lib/oms/slots/opening-hours";
import { computeReadyBy, workMinutesAhead } from "@/lib/oms/slots/ready-by";

const everyDay = (open: number, close: number) => Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: open * 60, closesAtMin: close * 60 }));
const austin: StoreSchedule = { timeZone: "America/Chicago", hours: everyDay(8, 22) };
const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const inZone = (date: Date | null, zone: string) => (date ? DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd HH:mm") : null);
const base = { prepMinutes: 20, pickers: 2, queuedOrders: 0 };

describe("ready-by", () => {
  it("is now plus prep time while the store is open, rounded up to five minutes", () => {
    const readyBy = computeReadyBy({ ...base, schedule: austin, now: local("2026-03-03T10:02", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-03-03 10:25");
  });

  it("for an order placed at 11 PM is the next morning, not midnight", () => {
    const readyBy = computeReadyBy({ ...base, schedule: austin, now: local("2026-03-03T23:00", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-03-04 08:20");
  });

  it("carries work that does not fit before closing into the next opening", () => {
    const readyBy = computeReadyBy({ ...base, schedule: austin, now: local("2026-03-03T21:50", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-03-04 08:10");
  });

  it("waits for the orders already queued, shared among the pickers", () => {
    expect(workMinutesAhead({ prepMinutes: 20, pickers: 2, queuedOrders: 5 })).toBe(60);
    const readyBy = computeReadyBy({ ...base, queuedOrders: 5, schedule: austin, now: local("2026-03-03T10:00", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-03-03 11:00");
  });

  it("skips a day the store is closed", () => {
    const closedSundays: StoreSchedule = { timeZone: "America/Chicago", hours: everyDay(9, 21).filter((d) => d.weekday !== 7) };
    // Saturday 2026-03-07 at 20:55: the order cannot be finished before 21:00, Sunday is closed.
    const readyBy = computeReadyBy({ ...base, schedule: closedSundays, now: local("2026-03-07T20:55", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-03-09 09:15");
  });

  it("uses the store's time zone, not the server's or the shopper's", () => {
    const seattle: StoreSchedule = { timeZone: "America/Los_Angeles", hours: everyDay(9, 21) };
    // 11:30 PM in New York is 8:30 PM in Seattle: still open there.
    const now = local("2026-06-10T23:30", "America/New_York");
    expect(inZone(computeReadyBy({ ...base, schedule: seattle, now }), "America/Los_Angeles")).toBe("2026-06-10 20:50");
    const newYork: StoreSchedule = { timeZone: "America/New_York", hours: everyDay(9, 21) };
    expect(inZone(computeReadyBy({ ...base, schedule: newYork, now }), "America/New_York")).toBe("2026-06-11 09:20");
  });

  it("keeps local opening time across the spring-forward night", () => {
    // Clocks jump from 2:00 to 3:00 on 2026-03-08 in the US.
    const readyBy = computeReadyBy({ ...base, schedule: austin, now: local("2026-03-07T23:30", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-03-08 08:20");
    expect(readyBy?.toISOString()).toBe("2026-03-08T13:20:00.000Z"); // CDT, UTC-5
  });

  it("keeps local opening time across the fall-back night", () => {
    const readyBy = computeReadyBy({ ...base, schedule: austin, now: local("2026-10-31T23:30", "America/Chicago") });
    expect(inZone(readyBy, "America/Chicago")).toBe("2026-11-01 08:20");
    expect(readyBy?.toISOString()).toBe("2026-11-01T14:20:00.000Z"); // CST, UTC-6
  });

  it("has no answer for a store that never opens", () => {
    expect(computeReadyBy({ ...base, schedule: { timeZone: "UTC", hours: [] }, now: new Date() })).toBeNull();
  });

  it("works in a zone without daylight saving time", () => {
    const phoenix: StoreSchedule = { timeZone: "America/Phoenix", hours: everyDay(7, 22) };
    const readyBy = computeReadyBy({ ...base, schedule: phoenix, now: new Date("2026-07-01T04:00:00Z") }); // 21:00 local
    expect(inZone(readyBy, "America/Phoenix")).toBe("2026-06-30 21:20");
  });
});
