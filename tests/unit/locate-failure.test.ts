import { describe, expect, it } from "vitest";
import { locateFailure, type DeliveryState, type StepState } from "@/lib/monitor/cascade/locate-failure";

const t0 = new Date("2026-03-03T16:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** The pickup chain as written when the POS records a pickup at t0 (deadlines 0/60/60/120/120/300/300 s). */
function pickupSteps(overrides: Partial<Record<number, Partial<StepState>>> = {}): StepState[] {
  const rows: [number, StepState["sourceSystem"], StepState["targetSystem"], number][] = [
    [1, "POS", "POS", 0],
    [2, "POS", "OMS", 60],
    [3, "OMS", "OMS", 60],
    [4, "OMS", "WMS", 120],
    [5, "OMS", "STOREFRONT", 120],
    [6, "OMS", "NOTIFICATION", 300],
    [7, "WMS", "STOREFRONT", 300],
  ];
  return rows.map(([stepNumber, sourceSystem, targetSystem, deadline]) => ({
    chain: "PICKUP",
    stepNumber,
    sourceSystem,
    targetSystem,
    description: `step ${stepNumber}`,
    status: "DELIVERED",
    expectedBy: at(deadline),
    arrivedAt: at(1),
    attempts: 1,
    lastError: null,
    ...overrides[stepNumber],
  }));
}

const waiting = { status: "PENDING" as const, arrivedAt: null, attempts: 0 };
const delivery = (stepNumber: number, attempts: number, status: DeliveryState["status"] = "PENDING"): DeliveryState => ({ chain: "PICKUP", stepNumber, attempts, status });

describe("locating the failure node", () => {
  it("finds nothing in a healthy chain, or in one whose open steps are within their deadlines", () => {
    expect(locateFailure(pickupSteps(), [], at(3600))).toBeNull();
    const inFlight = pickupSteps({ 6: { status: "FAILED", arrivedAt: null, attempts: 2 }, 7: waiting });
    expect(locateFailure(inFlight, [], at(200))).toBeNull();
  });

  it("names the first step past its deadline, not the ones waiting behind it", () => {
    const steps = pickupSteps({ 4: waiting, 7: waiting });
    expect(locateFailure(steps, [delivery(4, 1, "DELIVERED")], at(400))).toMatchObject({ node: { id: "pickup-3" }, reason: "late", stuckSince: at(120) });
  });

  it("tells a pickup that never left the POS (node 1) from one the OMS did not take (node 2)", () => {
    const steps = pickupSteps({ 2: waiting, 3: waiting, 4: waiting, 5: waiting, 6: waiting, 7: waiting });
    expect(locateFailure(steps, [delivery(2, 0)], at(90))?.node.id).toBe("pickup-1");
    expect(locateFailure(steps, [delivery(2, 3)], at(90))?.node.id).toBe("pickup-2");
    expect(locateFailure(steps, [delivery(2, 1, "DELIVERED")], at(90))?.node.id).toBe("pickup-2"); // dropped in transit
  });

  it("flags a refused or dead-lettered step at once, before its deadline", () => {
    const steps = pickupSteps({ 5: { status: "REJECTED", arrivedAt: null } });
    expect(locateFailure(steps, [], at(10))).toMatchObject({ node: { id: "pickup-4", fixLane: "OMS-storefront API path" }, reason: "rejected", stuckSince: t0 });
    const dead = pickupSteps({ 6: { status: "DEAD_LETTERED", arrivedAt: null } });
    expect(locateFailure(dead, [], at(10))).toMatchObject({ node: { id: "pickup-5", parties: ["OMS admin", "Notification system owner"] }, reason: "dead_lettered" });
  });
});
