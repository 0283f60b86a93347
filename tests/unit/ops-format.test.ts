import { describe, expect, it } from "vitest";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { plural } from "@/lib/platform/format/plural";

describe("how the ops pages write counts and times", () => {
  it("says 1 order and 2 orders, 1 delivery and 3 deliveries", () => {
    expect(plural(1, "order")).toBe("1 order");
    expect(plural(2, "order")).toBe("2 orders");
    expect(plural(1, "delivery")).toBe("1 delivery");
    expect(plural(3, "delivery")).toBe("3 deliveries");
    expect(plural(2, "day")).toBe("2 days");
    expect(plural(1200, "item")).toBe("1,200 items");
  });

  it("names the zone on every time: the store's, or UTC", () => {
    const at = new Date("2026-12-01T20:40:13Z");
    expect(formatOpsTime(at, "America/Chicago")).toBe("Dec 1, 2:40:13 PM CST");
    expect(formatOpsTime(at)).toBe("Dec 1, 8:40:13 PM UTC");
    expect(formatOpsTime(null)).toBe("—");
  });
});
