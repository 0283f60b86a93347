import type { Db } from "@/lib/platform/db/prisma";
import { distanceMiles, type Coordinates } from "@/lib/platform/geo/distance";
import { availableToPromise } from "@/lib/oms/inventory/availability";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadAllStores, queuedOrdersByStore, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { chooseStore, type RoutingCandidate, type RoutingDecision } from "./choose-store";
import { capacityCountsOf } from "@/lib/oms/stores/capacity-counts";
import { capacityOf } from "@/lib/oms/stores/store-capacity";

/** Stores further than this from the customer (or the store asked for) are not considered. */
export const ROUTING_RADIUS_MILES = 50;

export type RouteOrderInput = {
  /** Where distance is measured from: the customer, or the store they asked for. */
  origin: Coordinates;
  /** The store the order asked for, already loaded by the caller (it gave the origin too). */
  requestedStore: StoreWithHours | null;
  lines: { productId: string; sku: string; quantity: number }[];
  pickupMethod: "IN_STORE" | "CURBSIDE";
  now: Date;
  /** Stores never to route to (those that already could not fill the order). */
  excludeStoreIds?: string[];
};

/**
 * Routes an order against the OMS's own stock ledger (not the storefront's cache, which
 * may lag): every store within reach is assessed and scored, and the decision says why.
 */
export async function routeOrder(db: Db, input: RouteOrderInput): Promise<RoutingDecision> {
  // The store asked for keeps the order whenever it can fill it: assess it alone first.
  const requested = input.requestedStore;
  const skus = input.lines.map((line) => line.sku);
  if (requested) {
    const [candidate] = await assess(db, input, [{ store: requested, distance: distanceMiles(input.origin, requested) }]);
    const decision = chooseStore([candidate!], requested.code, skus);
    if (decision.kind === "store") return decision;
  }
  const stores = (await loadAllStores(db))
    .map((store) => ({ store, distance: distanceMiles(input.origin, store) }))
    .filter(({ distance, store }) => distance <= ROUTING_RADIUS_MILES || store.code === requested?.code)
    .filter(({ store }) => !input.excludeStoreIds?.includes(store.id));
  return chooseStore(await assess(db, input, stores), requested?.code ?? null, skus);
}

/** Each store's standing for this order: what it cannot fill, its queue, its next open window. */
async function assess(db: Db, input: RouteOrderInput, stores: { store: StoreWithHours; distance: number }[]): Promise<RoutingCandidate[]> {
  const storeIds = stores.map(({ store }) => store.id);
  const [levels, queued, counts] = await Promise.all([
    db.inventoryLevel.findMany({ where: { storeId: { in: storeIds }, productId: { in: input.lines.map((line) => line.productId) } } }),
    queuedOrdersByStore(db, storeIds),
    capacityCountsOf(db, storeIds, input.now),
  ]);
  // Pickup windows only matter where the order could go; they are read for those stores at once.
  return Promise.all(
    stores.map(async ({ store, distance }): Promise<RoutingCandidate> => {
      const shortSkus = input.lines
        .filter((line) => availableToPromise(levels.find((level) => level.storeId === store.id && level.productId === line.productId)) < line.quantity)
        .map((line) => line.sku);
      // A paused or full store is set aside: shown in the decision with why, never chosen.
      const capacity = capacityOf({ ...store, ...(counts.get(store.id) ?? { placedToday: 0, openOrders: 0 }) }, input.now);
      const offer = shortSkus.length === 0 && capacity.taking ? await storeSlotOffer(db, store, input.now) : null;
      const slot = offer?.slots.find((candidate) => candidate.remaining > 0);
      return {
        storeId: store.id,
        code: store.code,
        name: store.name,
        distanceMiles: Math.round(distance * 10) / 10,
        shortSkus,
        queuedOrders: queued.get(store.id) ?? 0,
        pickers: store.pickers,
        offersPickupMethod: input.pickupMethod === "IN_STORE" || store.curbsideEnabled,
        slotPlacesLeft: shortSkus.length > 0 ? 0 : slot ? slot.remaining - 1 : null,
        notTakingOrders: capacity.taking ? null : capacity.detail,
      };
    }),
  );
}
