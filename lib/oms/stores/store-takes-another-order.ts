import type { Tx } from "@/lib/platform/db/prisma";
import { capacityCountsOf } from "./capacity-counts";
import { capacityLockKey, capacityOf, type Capacity } from "./store-capacity";

/**
 * Whether a store takes one more pickup order now (one moved or split off to it), in the
 * caller's transaction: its pause and caps as they stand, and for a capped store its counts
 * taken in turn with its checkouts (the lock placement takes), so a move cannot slip past a cap.
 */
export async function storeTakesAnotherOrder(tx: Tx, storeId: string, now: Date): Promise<Capacity> {
  const store = await tx.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { pausedAt: true, pausedUntil: true, pauseReason: true, dailyOrderCap: true, concurrentOrderCap: true },
  });
  const capped = store.dailyOrderCap !== null || store.concurrentOrderCap !== null;
  if (capped) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${capacityLockKey(storeId)}, 0))`;
  const counts = capped ? (await capacityCountsOf(tx, [storeId], now)).get(storeId) : undefined;
  return capacityOf({ ...store, ...(counts ?? { placedToday: 0, openOrders: 0 }) }, now);
}

/** Why a store was passed over for a moved or split-off order. */
export const notTakingOrders = (storeName: string) => `${storeName} is not taking pickup orders right now`;
