import { describe, expect, it } from "vitest";
import { accuracyOf, formatAccuracy, INVENTORY_ACCURACY_TARGET, meetsAccuracyTarget } from "@/lib/monitor/inventory-accuracy/accuracy";
import { compareItem, type ItemFigures } from "@/lib/monitor/inventory-accuracy/compare-item";

// 10 on hand, 3 allocated to live reservations the WMS holds too, 2 kept back: 5 to promise.
const accurate: ItemFigures = { onHand: 10, allocated: 3, safetyStock: 2, reservedUnits: 3, checkoutHeldUnits: 0, wmsHeldUnits: 3, storefrontAvailable: 5 };

describe("comparing one store item", () => {
  it("finds nothing when the ledger, reservations, WMS and storefront agree", () => {
    expect(compareItem(accurate)).toEqual({ availableToPromise: 5, kinds: [] });
  });

  it("flags allocated units that live reservations do not account for", () => {
    expect(compareItem({ ...accurate, reservedUnits: 4 })).toEqual({ availableToPromise: 5, kinds: ["reservations"] });
    expect(compareItem({ ...accurate, reservedUnits: 0 }).kinds).toEqual(["reservations"]);
  });

  it("flags a storefront offering more or less than can be promised", () => {
    expect(compareItem({ ...accurate, storefrontAvailable: 6 })).toEqual({ availableToPromise: 5, kinds: ["storefront"] });
    expect(compareItem({ ...accurate, storefrontAvailable: 4 }).kinds).toEqual(["storefront"]);
  });

  it("flags a missing storefront row only while something can be promised", () => {
    expect(compareItem({ ...accurate, storefrontAvailable: null }).kinds).toEqual(["storefront"]);
    const soldOut = { onHand: 3, allocated: 3, safetyStock: 2, reservedUnits: 3, checkoutHeldUnits: 0, wmsHeldUnits: 3, storefrontAvailable: null };
    expect(compareItem(soldOut)).toEqual({ availableToPromise: 0, kinds: [] });
  });

  it("compares the storefront with available-to-promise floored at zero", () => {
    const belowSafety = { onHand: 1, allocated: 0, safetyStock: 2, reservedUnits: 0, checkoutHeldUnits: 0, wmsHeldUnits: 0, storefrontAvailable: 0 };
    expect(compareItem(belowSafety)).toEqual({ availableToPromise: 0, kinds: [] });
  });

  it("flags WMS held units that differ from the ledger's allocation", () => {
    expect(compareItem({ ...accurate, wmsHeldUnits: 1 })).toEqual({ availableToPromise: 5, kinds: ["wms"] });
    expect(compareItem({ ...accurate, wmsHeldUnits: 4 }).kinds).toEqual(["wms"]);
  });

  it("lists every kind that disagrees at once", () => {
    // A reservation written without its allocation: the ledger lags the reservations and the WMS.
    const lost = { onHand: 10, allocated: 2, safetyStock: 2, reservedUnits: 3, checkoutHeldUnits: 0, wmsHeldUnits: 3, storefrontAvailable: 5 };
    expect(compareItem(lost)).toEqual({ availableToPromise: 6, kinds: ["reservations", "storefront", "wms"] });
  });

  it("checks an item nobody ledgered against an empty ledger", () => {
    const unledgered = { onHand: 0, allocated: 0, safetyStock: 0, reservedUnits: 0, checkoutHeldUnits: 0, wmsHeldUnits: 2, storefrontAvailable: 4 };
    expect(compareItem(unledgered)).toEqual({ availableToPromise: 0, kinds: ["storefront", "wms"] });
  });
});

describe("accuracy", () => {
  it("is accurate items over items checked, and nothing when nothing was checked", () => {
    expect(accuracyOf(1000, 2)).toBe(0.998);
    expect(accuracyOf(4, 3)).toBe(0.25);
    expect(accuracyOf(0, 0)).toBeNull();
  });

  it("meets the 99.8% target at or above it", () => {
    expect(INVENTORY_ACCURACY_TARGET).toBe(0.998);
    expect(meetsAccuracyTarget(0.998)).toBe(true);
    expect(meetsAccuracyTarget(0.9979)).toBe(false);
    expect(meetsAccuracyTarget(null)).toBe(false);
  });

  it("reads rounded down, so just below the target never shows as on it", () => {
    expect(formatAccuracy(0.99799)).toBe("99.79%");
    expect(formatAccuracy(0.57)).toBe("57.00%");
    expect(formatAccuracy(1)).toBe("100.00%");
    expect(formatAccuracy(null)).toBe("—");
  });
});
