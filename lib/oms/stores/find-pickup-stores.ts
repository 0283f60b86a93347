import type { Db } from "@/lib/platform/db/prisma";
import type { Coordinates } from "@/lib/platform/geo/distance";
import { cartCoverage, mergeCartLines, type CartCoverage, type CartLine } from "@/lib/oms/inventory/availability";
import { computeReadyBy } from "@/lib/oms/slots/ready-by";
import { queuedOrdersByStore, scheduleOf } from "./load-stores";
import { storesNear } from "./stores-near";

export type PickupStoreOption = {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  hours: { weekday: number; opensAtMin: number; closesAtMin: number }[];
  distanceMiles: number;
  curbsideEnabled: boolean;
  slotMinutes: number;
  slotCapacity: number;
  holdHours: number;
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
  /** At most this many stores, the nearest. */
  limit?: number;
  /** Only stores that offer curbside pickup. */
  curbsideOnly?: boolean;
};

/**
 * Stores within the radius, nearest first, each with whether it can fill the whole
 * cart and when a new order would be ready there.
 */
export async function findPickupStores(db: Db, input: FindPickupStoresInput): Promise<PickupStoreOption[]> {
  const lines = mergeCartLines(input.lines);
  const nearby = (await storesNear(db, input.origin, input.radiusMiles, input.excludeStoreId)).filter(({ store }) => !input.curbsideOnly || store.curbsideEnabled).slice(0, input.limit);
  if (nearby.length === 0) return [];

  const storeIds = nearby.map(({ store }) => store.id);
  const products = await db.product.findMany({ where: { id: { in: lines.map((line) => line.productId) } }, select: { id: true, sku: true } });
  const productBySku = new Map(products.map((product) => [product.sku, product.id]));
  // What the shopper is shown comes from the storefront's availability cache, fed by the
  // WMS over the bus: if that feed breaks, checkout shows stale stock (seed 001's C2).
  // Placing the order still allocates against the OMS's ledger, so nothing is oversold.
  const [cached, queued] = await Promise.all([
    db.storefrontAvailability.findMany({
      where: { storeCode: { in: nearby.map(({ store }) => store.code) }, sku: { in: products.map((product) => product.sku) } },
      select: { storeCode: true, sku: true, available: true },
    }),
    queuedOrdersByStore(db, storeIds),
  ]);
  const availableByStore = new Map<string, Map<string, number>>();
  for (const row of cached) {
    const forStore = availableByStore.get(row.storeCode) ?? new Map<string, number>();
    forStore.set(productBySku.get(row.sku)!, row.available);
    availableByStore.set(row.storeCode, forStore);
  }

  return nearby.map(({ store, distance }) => ({
    id: store.id,
    code: store.code,
    name: store.name,
    address: `${store.addressLine}, ${store.city}, ${store.state} ${store.postalCode}`,
    phone: store.phone,
    timeZone: store.timeZone,
    hours: store.hours.map(({ weekday, opensAtMin, closesAtMin }) => ({ weekday, opensAtMin, closesAtMin })),
    distanceMiles: Math.round(distance * 10) / 10,
    curbsideEnabled: store.curbsideEnabled,
    slotMinutes: store.slotMinutes,
    slotCapacity: store.slotCapacity,
    holdHours: store.holdHours,
    readyBy: computeReadyBy({
      schedule: scheduleOf(store),
      now: input.now,
      prepMinutes: store.prepMinutes,
      pickers: store.pickers,
      queuedOrders: queued.get(store.id) ?? 0,
    }),
    coverage: cartCoverage(lines, availableByStore.get(store.code) ?? new Map()),
  }));
}
