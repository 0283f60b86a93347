/** What a store's capacity depends on: its pause and caps, and its orders now. */
export type CapacityFacts = {
  pausedAt: Date | null;
  pausedUntil: Date | null;
  pauseReason: string | null;
  dailyOrderCap: number | null;
  concurrentOrderCap: number | null;
  /** Orders placed in the store's own day so far. */
  placedToday: number;
  /** Orders waiting, being picked or ready. */
  openOrders: number;
};

export type Capacity = { taking: true } | { taking: false; why: "paused" | "daily_cap" | "concurrent_cap"; detail: string; until: Date | null };

/** What shoppers are shown for a store that takes no pickup orders now; it stays visible, not choosable. */
export const NOT_TAKING_ORDERS = "Not taking pickup orders right now";

/** The transaction-scoped lock a capped store's new orders take turns on (checkouts, moves and splits alike). */
export const capacityLockKey = (storeId: string) => `store-capacity:${storeId}`;

export function isPaused(facts: Pick<CapacityFacts, "pausedAt" | "pausedUntil">, now: Date): boolean {
  return facts.pausedAt !== null && (facts.pausedUntil === null || facts.pausedUntil > now);
}

/** Whether a store takes a new pickup order now: not paused, and under its daily and concurrent caps. */
export function capacityOf(facts: CapacityFacts, now: Date): Capacity {
  if (isPaused(facts, now)) return { taking: false, why: "paused", detail: `paused${facts.pauseReason ? `: ${facts.pauseReason}` : ""}`, until: facts.pausedUntil };
  if (facts.dailyOrderCap !== null && facts.placedToday >= facts.dailyOrderCap) return { taking: false, why: "daily_cap", detail: `took its ${facts.dailyOrderCap} orders for today`, until: null };
  if (facts.concurrentOrderCap !== null && facts.openOrders >= facts.concurrentOrderCap) {
    return { taking: false, why: "concurrent_cap", detail: `has ${facts.openOrders} orders in hand (its cap is ${facts.concurrentOrderCap})`, until: null };
  }
  return { taking: true };
}
