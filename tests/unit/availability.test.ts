import { describe, expect, it } from "vitest";
import { availableToPromise, cartCoverage, mergeCartLines } from "@/lib/oms/inventory/availability";

describe("availability", () => {
  it("is on hand minus allocated minus safety stock", () => {
    expect(availableToPromise({ onHand: 10, allocated: 3, safetyStock: 2 })).toBe(5);
  });

  it("never goes below zero, even when a recount left less than is allocated", () => {
    expect(availableToPromise({ onHand: 2, allocated: 3, safetyStock: 1 })).toBe(0);
    expect(availableToPromise(undefined)).toBe(0);
  });

  it("says a store covers the cart only when every line is available in full", () => {
    const levels = new Map([
      ["a", 5],
      ["b", 1],
    ]);
    const coverage = cartCoverage(
      [
        { productId: "a", quantity: 2 },
        { productId: "b", quantity: 2 },
        { productId: "c", quantity: 1 },
      ],
      levels,
    );
    expect(coverage).toEqual({
      linesTotal: 3,
      linesAvailable: 1,
      canFillAll: false,
      lines: [
        { productId: "a", requested: 2, available: 5 },
        { productId: "b", requested: 2, available: 1 },
        { productId: "c", requested: 1, available: 0 },
      ],
      shortLines: [
        { productId: "b", requested: 2, available: 1 },
        { productId: "c", requested: 1, available: 0 },
      ],
    });
    expect(cartCoverage([{ productId: "a", quantity: 5 }], levels).canFillAll).toBe(true);
  });

  it("merges repeated products into one line", () => {
    expect(mergeCartLines([{ productId: "a", quantity: 1 }, { productId: "b", quantity: 2 }, { productId: "a", quantity: 3 }])).toEqual([
      { productId: "a", quantity: 4 },
      { productId: "b", quantity: 2 },
    ]);
  });
});
