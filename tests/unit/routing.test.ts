import { describe, expect, it } from "vitest";
import { chooseStore, type RoutingCandidate } from "@/lib/oms/routing/choose-store";
import { routeScore } from "@/lib/oms/routing/route-score";

const store = (code: string, overrides: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  storeId: `id-${code}`,
  code,
  name: `Store ${code}`,
  distanceMiles: 5,
  shortSkus: [],
  queuedOrders: 0,
  pickers: 2,
  slotPlacesLeft: 3,
  offersPickupMethod: true,
  ...overrides,
});

describe("the routing score", () => {
  it("adds distance, queue load per picker and slot pressure", () => {
    expect(routeScore({ distanceMiles: 3.24, queuedOrders: 6, pickers: 2, slotPlacesLeft: 4 })).toEqual({ total: 15.2, distance: 3.2, load: 12, slotPressure: 0 });
    expect(routeScore({ distanceMiles: 1, queuedOrders: 0, pickers: 0, slotPlacesLeft: 1 })).toEqual({ total: 6, distance: 1, load: 0, slotPressure: 5 });
  });
});

describe("choosing the store", () => {
  const cases: { name: string; candidates: RoutingCandidate[]; requested: string | null; expected: string | null }[] = [
    { name: "no store named: the nearest idle store", candidates: [store("A", { distanceMiles: 2 }), store("B", { distanceMiles: 6 })], requested: null, expected: "A" },
    { name: "the requested store when it can fill, even if another scores lower", candidates: [store("A", { distanceMiles: 1 }), store("B", { distanceMiles: 9, queuedOrders: 8 })], requested: "B", expected: "B" },
    { name: "the requested store is short: the best of the others", candidates: [store("A", { distanceMiles: 0, shortSkus: ["KNIFE"] }), store("B", { distanceMiles: 4 }), store("C", { distanceMiles: 3, queuedOrders: 4, pickers: 1 })], requested: "A", expected: "B" },
    { name: "a busy store loses to an idle one a little further", candidates: [store("A", { distanceMiles: 2, queuedOrders: 6, pickers: 2 }), store("B", { distanceMiles: 8 })], requested: null, expected: "B" },
    { name: "a store whose next window is nearly full loses to one with room", candidates: [store("A", { distanceMiles: 3, slotPlacesLeft: 0 }), store("B", { distanceMiles: 6 })], requested: null, expected: "B" },
    { name: "a store with no pickup window open is skipped", candidates: [store("A", { distanceMiles: 1, slotPlacesLeft: null }), store("B", { distanceMiles: 20 })], requested: null, expected: "B" },
    { name: "a tie goes to the nearer store", candidates: [store("B", { distanceMiles: 4, queuedOrders: 1, pickers: 4 }), store("A", { distanceMiles: 5 })], requested: null, expected: "B" },
    { name: "the requested store is not within reach", candidates: [store("A", { distanceMiles: 7 })], requested: "ZZ", expected: "A" },
    { name: "a curbside order skips a store without curbside, even the one asked for", candidates: [store("A", { distanceMiles: 0, offersPickupMethod: false }), store("B", { distanceMiles: 9 })], requested: "A", expected: "B" },
    { name: "no single store can fill every line", candidates: [store("A", { shortSkus: ["KNIFE"] }), store("B", { shortSkus: ["CHAIR"] })], requested: null, expected: null },
  ];
  for (const { name, candidates, requested, expected } of cases) {
    it(name, () => {
      const decision = chooseStore(candidates, requested, ["KNIFE", "CHAIR"]);
      expect(decision.kind === "store" ? decision.code : null).toBe(expected);
    });
  }

  it("says why, with the score's parts", () => {
    const decision = chooseStore([store("A", { distanceMiles: 0, shortSkus: ["KNIFE"] }), store("B", { distanceMiles: 4.2, queuedOrders: 1 })], "A", ["KNIFE"]);
    expect(decision.reason).toBe(
      "Routed to Store B (B) because Store A (A), the store asked for, cannot fill KNIFE: lowest score 6.2 (distance 4.2 mi + load 2 + slot pressure 0) of 1 store that can fill every line.",
    );
    expect(decision.candidates.map((candidate) => [candidate.code, candidate.eligible, candidate.why])).toEqual([
      ["B", true, "can fill every line"],
      ["A", false, "cannot fill KNIFE"],
    ]);
  });

  it("offers split pickup or shipping instead of a partial order", () => {
    const decision = chooseStore([store("A", { distanceMiles: 1, shortSkus: ["CHAIR"] }), store("B", { distanceMiles: 3, shortSkus: ["KNIFE"] })], null, ["KNIFE", "CHAIR"]);
    expect(decision).toMatchObject({
      kind: "unfillable",
      offer: { splitPickup: [{ code: "A", skus: ["KNIFE"] }, { code: "B", skus: ["CHAIR"] }], shipToHome: true },
      reason: "No single store within reach can fill every line. Split pickup: KNIFE at A; CHAIR at B. Or ship to home.",
    });
    const nowhere = chooseStore([store("A", { shortSkus: ["CHAIR"] })], null, ["KNIFE", "CHAIR"]);
    expect(nowhere).toMatchObject({ kind: "unfillable", offer: { splitPickup: null, shipToHome: true } });
  });
});
