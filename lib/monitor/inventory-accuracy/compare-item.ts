import { availableToPromise } from "@/lib/oms/inventory/availability";

/**
 * What can disagree about one store item: the ledger's allocated units against its live
 * reservations and checkout holds, the storefront's cache against available-to-promise, and the WMS's held
 * allocations against the ledger's allocated units.
 */
export const MISMATCH_KINDS = ["reservations", "storefront", "wms"] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

/** Every source's figures for one store item. */
export type ItemFigures = {
  onHand: number;
  allocated: number;
  safetyStock: number;
  /** Units of the item's live (HELD) reservations. */
  reservedUnits: number;
  /** Units checkouts hold while their shoppers pay (allocated in the ledger, not yet an order's, so not the WMS's). */
  checkoutHeldUnits: number;
  /** Units the WMS holds for the item (HELD allocations). */
  wmsHeldUnits: number;
  /** What the storefront offers; null when it has no row for the item. */
  storefrontAvailable: number | null;
};

export type ItemComparison = { availableToPromise: number; kinds: MismatchKind[] };

/** Compares one store item's sources; no kinds means the item is accurate. */
export function compareItem(item: ItemFigures): ItemComparison {
  const atp = availableToPromise(item);
  const kinds: MismatchKind[] = [];
  if (item.allocated !== item.reservedUnits + item.checkoutHeldUnits) kinds.push("reservations");
  // The storefront only seeds a row once it has heard of the item: no row is right while nothing can be promised.
  // It tracks the unfloored figure and shows it floored, as available-to-promise is.
  if (item.storefrontAvailable === null ? atp > 0 : Math.max(0, item.storefrontAvailable) !== atp) kinds.push("storefront");
  if (item.wmsHeldUnits !== item.allocated - item.checkoutHeldUnits) kinds.push("wms");
  return { availableToPromise: atp, kinds };
}
