import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import { readPickupCode } from "@/lib/pos/store-queue/handover";
import { isWaitingAtCounter, tabOf } from "@/lib/pos/store-queue/queue";
import { formatCountdown, formatElapsed, slaState } from "@/lib/pos/store-queue/sla";
import { canApplyAtPos } from "@/lib/pos/task-status";

const chicago = { timeZone: "America/Chicago", hours: Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: 8 * 60, closesAtMin: 22 * 60 })) };
const at = (iso: string) => DateTime.fromISO(iso, { zone: "America/Chicago" }).toJSDate();
const shown = (date: Date | null) => (date ? DateTime.fromJSDate(date, { zone: "America/Chicago" }).toFormat("yyyy-MM-dd HH:mm") : null);

describe("pick-to-ready target", () => {
  it("is 15 minutes of opening time: straight through while open", () => {
    expect(shown(addOpeningMinutes(chicago, at("2026-03-03T10:02"), 15))).toBe("2026-03-03 10:17");
  });

  it("stops the clock overnight for an order placed near closing", () => {
    expect(shown(addOpeningMinutes(chicago, at("2026-03-03T21:55"), 15))).toBe("2026-03-04 08:10");
    expect(shown(addOpeningMinutes(chicago, at("2026-03-03T23:30"), 15))).toBe("2026-03-04 08:15");
  });

  it("has no target for a store with no opening hours", () => {
    expect(addOpeningMinutes({ timeZone: "UTC", hours: [] }, new Date(), 15)).toBeNull();
  });
});

describe("SLA state", () => {
  const target = new Date("2026-03-03T16:15:00Z");
  it("is on track, then amber within 5 minutes, then red once over", () => {
    expect(slaState(target, new Date("2026-03-03T16:05:00Z"))).toBe("on_track");
    expect(slaState(target, new Date("2026-03-03T16:10:00Z"))).toBe("near");
    expect(slaState(target, new Date("2026-03-03T16:15:00Z"))).toBe("near");
    expect(slaState(target, new Date("2026-03-03T16:15:01Z"))).toBe("over");
  });

  it("is met or missed once the order was ready", () => {
    expect(slaState(target, new Date("2026-03-03T17:00:00Z"), new Date("2026-03-03T16:14:00Z"))).toBe("met");
    expect(slaState(target, new Date("2026-03-03T17:00:00Z"), new Date("2026-03-03T16:16:00Z"))).toBe("missed");
  });

  it("reads as a clock", () => {
    expect(formatCountdown(4 * 60_000 + 5_000)).toBe("4:05 left");
    expect(formatCountdown(-(62 * 60_000 + 9_000))).toBe("1:02:09 over");
    expect(formatElapsed(59_999)).toBe("0:59");
  });
});

describe("pickup code entry", () => {
  it("accepts six digits typed with or without spaces", () => {
    expect(readPickupCode("123456", 100012)).toEqual({ code: "123456", method: "pickup_code" });
    expect(readPickupCode(" 123 456 ", 100012)).toEqual({ code: "123456", method: "pickup_code" });
  });

  it("accepts the confirmation's QR only for the same order", () => {
    expect(readPickupCode("HANDOFF:100012:654321", 100012)).toEqual({ code: "654321", method: "qr_code" });
    expect(readPickupCode("HANDOFF:100013:654321", 100012)).toBeNull();
  });

  it("refuses anything else", () => {
    for (const entry of ["", "12345", "1234567", "abcdef", "HANDOFF:100012:12345"]) expect(readPickupCode(entry, 100012)).toBeNull();
  });
});

describe("queue tabs and the POS transition table", () => {
  it("puts a checked-in curbside order under curbside, a checked-in in-store one on Ready at the counter, and closed ones under done", () => {
    const curbside = "CURBSIDE";
    expect(tabOf({ status: "new", arrivedAt: null, pickupMethod: curbside })).toBe("new");
    expect(tabOf({ status: "picking", arrivedAt: null, pickupMethod: curbside })).toBe("picking");
    expect(tabOf({ status: "ready", arrivedAt: null, pickupMethod: curbside })).toBe("ready");
    expect(tabOf({ status: "ready", arrivedAt: new Date(), pickupMethod: curbside })).toBe("curbside");
    expect(tabOf({ status: "ready", arrivedAt: new Date(), pickupMethod: "IN_STORE" })).toBe("ready");
    expect(isWaitingAtCounter({ status: "ready", arrivedAt: new Date(), pickupMethod: "IN_STORE" })).toBe(true);
    expect(isWaitingAtCounter({ status: "ready", arrivedAt: new Date(), pickupMethod: curbside })).toBe(false);
    for (const status of ["picked_up", "canceled", "no_show"]) expect(tabOf({ status, arrivedAt: null, pickupMethod: curbside })).toBe("done");
  });

  it("hands over only ready orders and cancels only open ones", () => {
    expect(canApplyAtPos("pickup.completed", "ready")).toBe(true);
    for (const status of ["new", "picking", "picked_up", "canceled", "no_show"]) expect(canApplyAtPos("pickup.completed", status)).toBe(false);
    for (const status of ["new", "picking", "ready"]) expect(canApplyAtPos("order.canceled", status)).toBe(true);
    for (const status of ["picked_up", "canceled", "no_show"]) expect(canApplyAtPos("order.canceled", status)).toBe(false);
  });
});
