import type { Tx } from "@/lib/platform/db/prisma";
import { capacityCountsOf } from "./capacity-counts";
import { capacityLockKey, capacityOf } from "./store-capacity";

/**
 * Whether a store takes one more pickup order now (one moved or split off to it), in the
 * caller's transaction: its pause and caps as they stand, and for a capped store its counts
 * taken in turn with its checkouts (the lock placement takes), so a move cannot slip past a cap.
 * A move never waits for that turn: it already holds locks of its own (the order, stock levels,
 * other stores' turns), and waiting could deadlock with a checkout, so a capped store busy
 * placing another order is passed over like a full one.
 */
export async function storeTakesAnotherOrder(tx: Tx, storeId: string, now: Date): Promise<boolean> {
  const store = await tx.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { pausedAt: true, pausedUntil: true, pauseReason: true, dailyOrderCap: true, concurrentOrderCap: true },
  });
  const capped = store.dailyOrderCap !== null || store.concurrentOrderCap !== null;
  if (capped) {
    const [turn] = await tx.$queryRaw<{ taken: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${capacityLockKey(storeId)}, 0)) AS "taken"`;
    if (!turn?.taken) return false;
  }
  const counts = capped ? (await capacityCountsOf(tx, [storeId], now)).get(storeId) : undefined;
  return capacityOf({ ...store, ...(counts ?? { placedToday: 0, openOrders: 0 }) }, now).taking;
}

/** Why a store was passed over for a moved or split-off order. */
export const notTakingOrders = (storeName: string) => `${storeName} is not taking pickup orders right now`;
