import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { timeZone } from "@/lib/platform/time-zone";

describe("a store's remembered time zone", () => {
  it("gives the same offsets as luxon's own zone, across both daylight-saving changes, minute by minute around them", () => {
    for (const name of ["America/Chicago", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
      const remembered = timeZone(name);
      const plain = IANAZone.create(name);
      for (const month of [1, 3, 4, 10, 11]) {
        const start = DateTime.fromObject({ year: 2026, month, day: 1 }, { zone: "UTC" }).toMillis();
        for (let ts = start; ts < start + 31 * 86_400_000; ts += 7 * 60_000) expect(remembered.offset(ts), `${name} ${new Date(ts).toISOString()}`).toBe(plain.offset(ts));
      }
    }
  });

  it("keeps wall-clock arithmetic right on the day clocks change", () => {
    const zone = timeZone("America/Chicago");
    // 8 March 2026: 2:00 AM becomes 3:00 AM in Chicago.
    const morning = DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 9 }, { zone });
    expect(morning.toISO()).toBe("2026-03-08T09:00:00.000-05:00");
    expect(morning.startOf("day").toISO()).toBe("2026-03-08T00:00:00.000-06:00");
    expect(morning.set({ hour: 1, minute: 30 }).plus({ hours: 1 }).toFormat("HH:mm")).toBe("03:30");
  });

  it("is one zone per name, and an unknown name stays invalid", () => {
    expect(timeZone("America/Chicago")).toBe(timeZone("America/Chicago"));
    expect(timeZone("Mars/Olympus_Mons").isValid).toBe(false);
  });
});
