import { describe, expect, it } from "vitest";
import { describeResync, type ResyncedOrder } from "@/lib/monitor/cascade/resync-and-confirm";

const result = (over: Partial<ResyncedOrder>): ResyncedOrder => ({ orderId: "x", orderNumber: 100001, resent: 1, healed: true, settled: true, remaining: [], blockedBy: [], ...over });

describe("what a re-sync says it did", () => {
  it("counts only confirmed arrivals as re-synced, and an order with nothing to fix as neither", () => {
    const healthy = result({ orderNumber: 100002, resent: 0, healed: false, settled: true });
    expect(describeResync([result({}), healthy])).toBe("Re-synced 1 order: arrival confirmed.");
    const blocked = result({ orderNumber: 100003, healed: false, settled: false, blockedBy: ["Drop on OMS → STOREFRONT (order.canceled)"] });
    expect(describeResync([result({}), healthy, blocked])).toBe(
      "Re-synced 1 order: arrival confirmed. Still failing: 1 order. An active fault drops it again: Drop on OMS → STOREFRONT (order.canceled). Clear it at Faults first.",
    );
    expect(describeResync([result({ resent: 2 })])).toBe("H-100001 re-synced: 2 deliveries sent again and confirmed.");
  });
});
