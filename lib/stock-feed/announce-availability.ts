import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/db/prisma";
import { availableToPromise } from "@/lib/inventory/availability";
import type { LevelChange } from "./apply-messages";

export const INVENTORY_ADJUSTED = "inventory.adjusted";

/**
 * Tells the storefront how much each item's available-to-promise moved, in the
 * transaction that moved it. Deltas rather than absolute figures: they commute, so the
 * storefront may apply adjustments from different requests in any order. Writes nothing
 * when the request changed no availability (e.g. a sale while every unit is already held for orders).
 */
export async function announceAvailabilityChange(tx: Tx, storeCode: string, changes: LevelChange[]): Promise<void> {
  const lines = changes
    .map((change) => ({ sku: change.item.sku, availableDelta: availableToPromise(change.after) - availableToPromise(change.before) }))
    .filter((line) => line.availableDelta !== 0);
  if (lines.length === 0) return;
  await writeOutboxEvent(tx, { type: INVENTORY_ADJUSTED, orderId: null, payload: { storeCode, lines } });
}
