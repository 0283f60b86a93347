import { getDb } from "@/lib/platform/db/prisma";
import { formatReadyBy } from "@/lib/platform/format/store-time";
import { openingStatus } from "@/lib/oms/slots/opening-status";
import { findPickupStores, type PickupStoreOption } from "@/lib/oms/stores/find-pickup-stores";
import { loadStore } from "@/lib/oms/stores/load-stores";
import type { StoreChoice } from "./types";

/** A store as the checkout's store picker shows it. */
export function toStoreChoice(store: PickupStoreOption, now: Date): StoreChoice {
  return {
    id: store.id,
    name: store.name,
    address: store.address,
    phone: store.phone,
    distanceMiles: store.distanceMiles,
    curbsideEnabled: store.curbsideEnabled,
    readyByLabel: store.readyBy ? formatReadyBy(store.readyBy, store.timeZone, now) : null,
    openingStatus: openingStatus({ timeZone: store.timeZone, hours: store.hours }, now),
    hours: store.hours,
    linesTotal: store.coverage.linesTotal,
    linesAvailable: store.coverage.linesAvailable,
    canFillAll: store.coverage.canFillAll,
    shortProductIds: store.coverage.shortLines.map((line) => line.productId),
    takingOrders: store.takingOrders,
  };
}

/** Other stores near the one that fell short that can fill the whole cart. */
export async function alternativesFor(storeId: string, lines: { productId: string; quantity: number }[]): Promise<StoreChoice[]> {
  const store = await loadStore(getDb(), storeId);
  if (!store) return [];
  const now = new Date();
  const stores = await findPickupStores(getDb(), { origin: store, lines, radiusMiles: 50, now, excludeStoreId: storeId });
  return stores.filter((candidate) => candidate.coverage.canFillAll && candidate.takingOrders).slice(0, 3).map((candidate) => toStoreChoice(candidate, now));
}
