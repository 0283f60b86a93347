import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { ALL_ORDER_STATUSES, canTransition, isOpenStatus, statusesLeadingTo } from "@/lib/oms/orders/order-status";

// The lifecycle as the product defines it, written out independently of the table under test.
const ALLOWED = new Set([
  "PLACED>PICKING",
  "PLACED>CANCELED",
  // A store that cannot fill the order: back to PLACED at another store, or ask the shopper first.
  "PLACED>AWAITING_SHOPPER",
  "PLACED>PLACED",
  "PICKING>READY",
  "PICKING>CANCELED",
  "PICKING>AWAITING_SHOPPER",
  "PICKING>PLACED",
  "AWAITING_SHOPPER>PLACED",
  "AWAITING_SHOPPER>CANCELED",
  "AWAITING_SHOPPER>AWAITING_SHOPPER",
  "READY>PICKED_UP",
  "READY>CANCELED",
  "READY>NO_SHOW",
]);
const STATUSES: OrderStatus[] = ["PLACED", "PICKING", "AWAITING_SHOPPER", "READY", "PICKED_UP", "CANCELED", "NO_SHOW"];

describe("order state machine", () => {
  it("knows every status", () => {
    expect([...ALL_ORDER_STATUSES].sort()).toEqual([...STATUSES].sort());
  });

  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${allowed ? "allows" : "forbids"} ${from} → ${to}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }

  it("guards each target with exactly the statuses that may reach it", () => {
    expect(statusesLeadingTo("CANCELED").sort()).toEqual(["AWAITING_SHOPPER", "PICKING", "PLACED", "READY"]);
    expect(statusesLeadingTo("PICKED_UP")).toEqual(["READY"]);
    expect(statusesLeadingTo("NO_SHOW")).toEqual(["READY"]);
    expect(statusesLeadingTo("PLACED").sort()).toEqual(["AWAITING_SHOPPER", "PICKING", "PLACED"]);
  });

  it("treats picked up, canceled and no-show as closed", () => {
    expect(STATUSES.filter(isOpenStatus)).toEqual(["PLACED", "PICKING", "AWAITING_SHOPPER", "READY"]);
  });
});
