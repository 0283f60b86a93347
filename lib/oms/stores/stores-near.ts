import type { Db, Tx } from "@/lib/platform/db/prisma";
import { boundingBox } from "@/lib/platform/geo/bounding-box";
import { distanceMiles, type Coordinates } from "@/lib/platform/geo/distance";
import type { StoreWithHours } from "./load-stores";

export type NearbyStore = { store: StoreWithHours; distance: number };

/**
 * Stores within `radiusMiles` of `origin`, nearest first. Only the stores inside the
 * search's bounding box are read (an index on latitude and longitude), so a search
 * costs the same at 20 stores or 10,000.
 */
export async function storesNear(db: Db | Tx, origin: Coordinates, radiusMiles: number, excludeStoreId?: string): Promise<NearbyStore[]> {
  const box = boundingBox(origin, radiusMiles);
  const candidates = await db.store.findMany({
    where: {
      latitude: { gte: box.minLatitude, lte: box.maxLatitude },
      longitude: { gte: box.minLongitude, lte: box.maxLongitude },
      ...(excludeStoreId ? { id: { not: excludeStoreId } } : {}),
    },
    include: { hours: { orderBy: { weekday: "asc" } } },
  });
  return candidates
    .map((store) => ({ store, distance: distanceMiles(origin, store) }))
    .filter(({ distance }) => distance <= radiusMiles)
    .sort((a, b) => a.distance - b.distance || a.store.name.localeCompare(b.store.name));
}
