// What can still be promised from a store's stock. Safety stock is held back for
// walk-in shoppers and counting error; nothing below zero is ever offered.
export type StockLevel = { onHand: number; allocated: number; safetyStock: number };

export function availableToPromise(level: StockLevel | undefined): number {
  if (!level) return 0;
  return Math.max(0, level.onHand - level.allocated - level.safetyStock);
}

export type CartLine = { productId: string; quantity: number };

export type LineCoverage = { productId: string; requested: number; available: number };

export type CartCoverage = {
  linesTotal: number;
  linesAvailable: number;
  canFillAll: boolean;
  /** Every line, with the units the store has free for it. */
  lines: LineCoverage[];
  shortLines: LineCoverage[];
};

/** Whether one store can fill every line of the cart, and which lines fall short; `available` maps product to units. */
export function cartCoverage(lines: CartLine[], available: Map<string, number>): CartCoverage {
  const covered = lines.map((line) => ({ productId: line.productId, requested: line.quantity, available: Math.max(0, available.get(line.productId) ?? 0) }));
  const shortLines = covered.filter((line) => line.available < line.requested);
  return {
    linesTotal: lines.length,
    linesAvailable: lines.length - shortLines.length,
    canFillAll: shortLines.length === 0,
    lines: covered,
    shortLines,
  };
}

/** Merges duplicate products so each is reserved once with its total quantity. */
export function mergeCartLines(lines: CartLine[]): CartLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}
