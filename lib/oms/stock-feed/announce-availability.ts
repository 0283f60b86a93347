import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import type { StockLevel } from "@/lib/oms/inventory/availability";
import type { LevelChange } from "./apply-messages";


/** On hand less what orders hold and safety stock, not floored: what the storefront tracks. */
const netAvailable = (level: StockLevel) => level.onHand - level.allocated - level.safetyStock;

/**
 * Tells the storefront how much each item's net availability moved, in the transaction
 * that moved it. Deltas of the unfloored figure, as the WMS's own allocations and
 * releases are: they add up in any order, so the storefront may apply them as they come
 * (it shows the figure floored at 0). Writes nothing when no item's figure moved.
 */
export async function announceAvailabilityChange(tx: Tx, storeCode: string, changes: LevelChange[]): Promise<void> {
  const lines = changes
    .map((change) => ({ sku: change.item.sku, availableDelta: netAvailable(change.after) - netAvailable(change.before) }))
    .filter((line) => line.availableDelta !== 0);
  if (lines.length === 0) return;
  await writeOutboxEvent(tx, { type: EVENT.inventoryAdjusted, orderId: null, payload: { storeCode, lines } });
}
