import type { StockKind } from "./stock-feed-request";

// How one POS message moves a store's on-hand, ordered by the POS's own sequence. A count
// is the truth as of its sequence: anything older is already inside it (stale), and
// movements since then are added on top. Movements commute, so between two counts they
// may arrive in any order.

/** Where one store+product stands: its on-hand and the sequence of the count behind it. */
export type CountedLevel = { onHand: number; countSequence: bigint };

export type StockEffect =
  | { outcome: "applied"; level: CountedLevel; clamped: boolean }
  | { outcome: "stale" };

/** Units a movement adds to on-hand: sales and damage take them off, returns and receipts put them back. */
export function signedQuantity(kind: Exclude<StockKind, "count">, quantity: number): number {
  return kind === "sale" || kind === "damage" ? -quantity : quantity;
}

/**
 * The effect of one message. `laterMovements` is the net of movements already applied
 * with a higher sequence than a count: they happened after it, so the count does not
 * include them and they stay on top of it. On-hand never goes below zero (a POS that
 * sells what Handoff thinks is not there is right about the shelf); `clamped` says so.
 */
export function stockEffect(
  level: CountedLevel,
  message: { kind: StockKind; sequence: bigint; quantity: number },
  laterMovements = 0,
): StockEffect {
  if (message.sequence <= level.countSequence) return { outcome: "stale" };
  const unclamped = message.kind === "count" ? message.quantity + laterMovements : level.onHand + signedQuantity(message.kind, message.quantity);
  return {
    outcome: "applied",
    level: { onHand: Math.max(0, unclamped), countSequence: message.kind === "count" ? message.sequence : level.countSequence },
    clamped: unclamped < 0,
  };
}
