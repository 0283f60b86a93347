import { Prisma } from "@/lib/generated/prisma/client";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import type { Coordinates } from "@/lib/platform/geo/distance";
import { cartCoverage, mergeCartLines, type CartCoverage, type CartLine } from "@/lib/oms/inventory/availability";
import { computeReadyBy } from "@/lib/oms/slots/ready-by";
import { scheduleOf } from "./load-stores";
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
  /** Paused or full: shown, not choosable ("Not taking pickup orders right now"). */
  takingOrders: boolean;
  /** Why not, for staff and other storefronts ("paused: Staff shortage"). */
  notTakingOrders: string | null;
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
  /** Each line's SKU, when the caller has read them already. */
  skuOf?: Map<string, string>;
  /** The shopper's own checkout hold: its units are theirs, so they count as available to them at its store. */
  ownHold?: { storeId: string; lines: CartLine[] } | null;
};

/** A store's free units by SKU, with the shopper's own held units added back at the hold's store. */
function availableTo(storeId: string, available: Map<string, number>, ownHold: FindPickupStoresInput["ownHold"], skuOfProduct: Map<string, string>): Map<string, number> {
  if (!ownHold || ownHold.storeId !== storeId) return available;
  const withOwn = new Map(available);
  for (const line of ownHold.lines) {
    const sku = skuOfProduct.get(line.productId);
    if (sku) withOwn.set(sku, Math.max(0, withOwn.get(sku) ?? 0) + line.quantity);
  }
  return withOwn;
}

/**
 * Stores within the radius, nearest first, each with whether it can fill the whole
 * cart and when a new order would be ready there.
 */
export async function findPickupStores(db: Db, input: FindPickupStoresInput): Promise<PickupStoreOption[]> {
  const lines = mergeCartLines(input.lines);
  const products = input.skuOf
    ? lines.map((line) => ({ id: line.productId, sku: input.skuOf!.get(line.productId)! }))
    : (await sqlOf(db).query<{ id: string; sku: string }>(Prisma.sql`SELECT "id", "sku" FROM "Product" WHERE "id" = ANY(${lines.map((line) => line.productId)}::uuid[])`)).rows;
  const productIdOf = new Map(products.map((product) => [product.sku, product.id]));
  const skuOfProduct = new Map(products.map((product) => [product.id, product.sku]));
  // What the shopper is shown comes from the storefront's availability cache, fed by the
  // WMS over the bus: if that feed breaks, checkout shows stale stock (seed 001's C2).
  // Placing the order still allocates against the OMS's ledger, so nothing is oversold.
  const nearby = await storesNear(db, input.origin, input.radiusMiles, {
    excludeStoreId: input.excludeStoreId,
    skus: products.map((product) => product.sku),
    curbsideOnly: input.curbsideOnly,
    limit: input.limit,
    now: input.now,
  });

  return nearby.map(({ store, distance, queuedOrders, available, capacity }) => ({
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
      queuedOrders,
    }),
    coverage: cartCoverage(lines, new Map([...availableTo(store.id, available, input.ownHold, skuOfProduct)].map(([sku, units]) => [productIdOf.get(sku)!, units]))),
    takingOrders: capacity.taking,
    notTakingOrders: capacity.taking ? null : capacity.detail,
  }));
}
