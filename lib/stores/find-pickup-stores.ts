import type { Db } from "@/lib/db/prisma";
import { distanceMiles, type Coordinates } from "@/lib/geo/distance";
import { cartCoverage, mergeCartLines, type CartCoverage, type CartLine, type StockLevel } from "@/lib/inventory/availability";
import { computeReadyBy } from "@/lib/slots/ready-by";
import { loadAllStores, queuedOrdersByStore, scheduleOf } from "./load-stores";

export type PickupStoreOption = {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  distanceMiles: number;
  curbsideEnabled: boolean;
  readyBy: Date | null;
  coverage: CartCoverage;
};

export type FindPickupStoresInput = {
  origin: Coordinates;
  lines: CartLine[];
  radiusMiles: number;
  now: Date;
  /** Leave a store out (e.g. the one that just ran short). */
  excludeStoreId?: string;
};

/**
 * Stores within the radius, nearest first, each with whether it can fill the whole
 * cart and when a new order would be ready there.
 */
export async function findPickupStores(db: Db, input: FindPickupStoresInput): Promise<PickupStoreOption[]> {
  const lines = mergeCartLines(input.lines);
  const nearby = (await loadAllStores(db))
    .filter((store) => store.id !== input.excludeStoreId)
    .map((store) => ({ store, distance: distanceMiles(input.origin, store) }))
    .filter(({ distance }) => distance <= input.radiusMiles)
    .sort((a, b) => a.distance - b.distance);
  if (nearby.length === 0) return [];

  const storeIds = nearby.map(({ store }) => store.id);
  const [levels, queued] = await Promise.all([
    db.inventoryLevel.findMany({
      where: { storeId: { in: storeIds }, productId: { in: lines.map((line) => line.productId) } },
      select: { storeId: true, productId: true, onHand: true, allocated: true, safetyStock: true },
    }),
    queuedOrdersByStore(db, storeIds),
  ]);
  const levelsByStore = new Map<string, Map<string, StockLevel>>();
  for (const level of levels) {
    const forStore = levelsByStore.get(level.storeId) ?? new Map<string, StockLevel>();
    forStore.set(level.productId, level);
    levelsByStore.set(level.storeId, forStore);
  }

  return nearby.map(({ store, distance }) => ({
    id: store.id,
    code: store.code,
    name: store.name,
    address: `${store.addressLine}, ${store.city}, ${store.state} ${store.postalCode}`,
    phone: store.phone,
    timeZone: store.timeZone,
    distanceMiles: Math.round(distance * 10) / 10,
    curbsideEnabled: store.curbsideEnabled,
    readyBy: computeReadyBy({
      schedule: scheduleOf(store),
      now: input.now,
      prepMinutes: store.prepMinutes,
      pickers: store.pickers,
      queuedOrders: queued.get(store.id) ?? 0,
    }),
    coverage: cartCoverage(lines, levelsByStore.get(store.id) ?? new Map()),
  }));
}
