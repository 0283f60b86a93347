import { plural } from "@/lib/platform/format/plural";
import { routeScore, type RouteScore } from "./route-score";

/** One store as routing sees it: can it fill every line, how far, how busy, its next window. */
export type RoutingCandidate = {
  storeId: string;
  code: string;
  name: string;
  distanceMiles: number;
  /** SKUs it cannot fill in full (empty when it can fill every line). */
  shortSkus: string[];
  queuedOrders: number;
  pickers: number;
  /** Places left in the pickup window the order would get, or null when none is open. */
  slotPlacesLeft: number | null;
  /** False when the order wants curbside pickup and the store offers none. */
  offersPickupMethod: boolean;
  /** Why the store takes no pickup orders now (paused, or at a cap), or null when it does. */
  notTakingOrders?: string | null;
};

export type ScoredCandidate = RoutingCandidate & { eligible: boolean; why: string; score: RouteScore | null };

export type RoutingDecision =
  | { kind: "store"; storeId: string; code: string; reason: string; candidates: ScoredCandidate[] }
  | { kind: "unfillable"; reason: string; candidates: ScoredCandidate[]; offer: UnfillableOffer };

/** What to offer instead of a partial order: pickup split across stores, or shipping. */
export type UnfillableOffer = { splitPickup: { code: string; name: string; skus: string[] }[] | null; shipToHome: true };

/** Each SKU from the nearest store that has all of it, or null when some SKU is nowhere. */
function splitPickup(candidates: ScoredCandidate[], skus: string[]): UnfillableOffer["splitPickup"] {
  const byStore = new Map<string, { code: string; name: string; skus: string[] }>();
  const nearestFirst = [...candidates].filter((candidate) => candidate.slotPlacesLeft !== null && !candidate.notTakingOrders).sort((a, b) => a.distanceMiles - b.distanceMiles);
  for (const sku of skus) {
    const store = nearestFirst.find((candidate) => !candidate.shortSkus.includes(sku));
    if (!store) return null;
    const entry = byStore.get(store.code) ?? { code: store.code, name: store.name, skus: [] };
    entry.skus.push(sku);
    byStore.set(store.code, entry);
  }
  return [...byStore.values()];
}

function assess(candidate: RoutingCandidate): ScoredCandidate {
  if (candidate.notTakingOrders) return { ...candidate, eligible: false, why: `not taking pickup orders (${candidate.notTakingOrders})`, score: null };
  if (candidate.shortSkus.length > 0) return { ...candidate, eligible: false, why: `cannot fill ${candidate.shortSkus.join(", ")}`, score: null };
  if (!candidate.offersPickupMethod) return { ...candidate, eligible: false, why: "offers no curbside pickup", score: null };
  if (candidate.slotPlacesLeft === null) return { ...candidate, eligible: false, why: "no pickup window open", score: null };
  const score = routeScore({ distanceMiles: candidate.distanceMiles, queuedOrders: candidate.queuedOrders, pickers: candidate.pickers, slotPlacesLeft: candidate.slotPlacesLeft });
  return { ...candidate, eligible: true, why: "can fill every line", score };
}

/**
 * Picks the store for an order. The store the customer asked for wins whenever it can
 * fill the whole order; otherwise the lowest score among stores that can, ties going to
 * the nearer store. When no single store can, the order is not placed partially.
 */
export function chooseStore(candidates: RoutingCandidate[], requestedCode: string | null, skus: string[]): RoutingDecision {
  const scored = candidates.map(assess).sort((a, b) => (a.score?.total ?? Infinity) - (b.score?.total ?? Infinity) || a.distanceMiles - b.distanceMiles || a.code.localeCompare(b.code));
  const requested = requestedCode ? scored.find((candidate) => candidate.code === requestedCode) : undefined;
  if (requested?.eligible) {
    return { kind: "store", storeId: requested.storeId, code: requested.code, reason: `${requested.name} (${requested.code}), the store asked for, can fill every line.`, candidates: scored };
  }
  const best = scored.find((candidate) => candidate.eligible);
  if (!best) {
    // Stores that have every item but cannot take the order as asked are named, not hidden.
    const couldFill = scored.filter((candidate) => candidate.shortSkus.length === 0);
    if (couldFill.length > 0) {
      const why = couldFill.map((candidate) => `${candidate.name} (${candidate.code}) ${candidate.why}`).join("; ");
      return { kind: "unfillable", reason: `No store within reach can take this order as asked: ${why}.`, candidates: scored, offer: { splitPickup: null, shipToHome: true } };
    }
    const offer: UnfillableOffer = { splitPickup: splitPickup(scored, skus), shipToHome: true };
    const split = offer.splitPickup ? ` Split pickup: ${offer.splitPickup.map((store) => `${store.skus.join(", ")} at ${store.code}`).join("; ")}.` : "";
    return { kind: "unfillable", reason: `No single store within reach can fill every line.${split} Or ship to home.`, candidates: scored, offer };
  }
  const because = requestedCode
    ? requested
      ? `${requested.name} (${requested.code}), the store asked for, ${requested.why}`
      : `the store asked for (${requestedCode}) is not within reach`
    : "the order named no store";
  const score = best.score!;
  return {
    kind: "store",
    storeId: best.storeId,
    code: best.code,
    reason: `Routed to ${best.name} (${best.code}) because ${because}: lowest score ${score.total} (distance ${score.distance} mi + load ${score.load} + slot pressure ${score.slotPressure}) of ${plural(scored.filter((candidate) => candidate.eligible).length, "store")} that can fill every line.`,
    candidates: scored,
  };
}
