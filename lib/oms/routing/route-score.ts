/**
 * The routing score (lower is better), in miles-equivalent so its parts read plainly:
 * - distance from the customer (or the store they asked for), in miles;
 * - queue load: 4 per order already waiting per picker, so a busy store nearby can lose
 *   to an idle one a few miles further;
 * - slot pressure: 5 when the chosen pickup window has one place or none left after this order.
 * Stores that cannot fill every line, or have no pickup window open, are not scored.
 */
export const LOAD_WEIGHT = 4;
export const SLOT_PRESSURE_PENALTY = 5;

export type ScoreInput = { distanceMiles: number; queuedOrders: number; pickers: number; slotPlacesLeft: number };
export type RouteScore = { total: number; distance: number; load: number; slotPressure: number };

const round = (value: number) => Math.round(value * 10) / 10;

export function routeScore(input: ScoreInput): RouteScore {
  const distance = round(input.distanceMiles);
  const load = round((LOAD_WEIGHT * input.queuedOrders) / Math.max(1, input.pickers));
  const slotPressure = input.slotPlacesLeft <= 1 ? SLOT_PRESSURE_PENALTY : 0;
  return { total: round(distance + load + slotPressure), distance, load, slotPressure };
}
