import { Prisma } from "@/lib/generated/prisma/client";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import { boundingBox } from "@/lib/platform/geo/bounding-box";
import type { Coordinates } from "@/lib/platform/geo/distance";
import { hoursColumn, type StoreWithHours } from "./load-stores";
import { capacityCountColumns } from "./capacity-counts";
import { capacityOf, type Capacity } from "./store-capacity";

export type NearbyStore = {
  store: StoreWithHours;
  /** Whether it takes pickup orders now (its pause and caps). */
  capacity: Capacity;
  distance: number;
  /** Orders waiting for or in picking: the queue a new order joins. */
  queuedOrders: number;
  /** What the storefront's availability cache says is free, for each asked-for SKU it has a row for. */
  available: Map<string, number>;
};

export type StoresNearOptions = {
  /** Leave a store out (e.g. the one that just ran short). */
  excludeStoreId?: string;
  /** The SKUs whose availability to read with each store. */
  skus?: string[];
  /** Only stores that offer curbside pickup. */
  curbsideOnly?: boolean;
  /** At most this many stores, the nearest. */
  limit?: number;
  /** When the search is made (a store's pause and daily cap depend on it). */
  now?: Date;
};

type SearchRow = StoreWithHours & { distance: number; queuedOrders: number; available: Record<string, number>; placedToday: number; openOrders: number };

const EARTH_RADIUS_MILES = 3958.8;

/**
 * Stores within `radiusMiles` of `origin`, nearest first (at most `limit`), with their hours, their queue and
 * the availability of `skus`. Only the stores inside the search's bounding box are read
 * (an index on latitude and longitude), so a search costs the same at 20 stores or
 * 10,000; and it is one plain-SQL statement, since a search is on every checkout's path.
 */
export async function storesNear(db: Db, origin: Coordinates, radiusMiles: number, options: StoresNearOptions = {}): Promise<NearbyStore[]> {
  const box = boundingBox(origin, radiusMiles);
  const exclude = options.excludeStoreId ?? null;
  const now = options.now ?? new Date();
  // The box narrows by index; the exact distance (haversine, as distanceMiles) and the limit
  // come before the per-store reads, so a dense city's box costs its nearest stores only.
  const { rows } = await sqlOf(db).query<SearchRow>(Prisma.sql`
    WITH boxed AS (
      SELECT s.*, 2 * ${EARTH_RADIUS_MILES}::float8 * asin(least(1, sqrt(
               power(sin(radians(s."latitude" - ${origin.latitude}::float8) / 2), 2) +
               cos(radians(${origin.latitude}::float8)) * cos(radians(s."latitude")) * power(sin(radians(s."longitude" - ${origin.longitude}::float8) / 2), 2)))) AS "distance"
        FROM "Store" s
       WHERE s."latitude" BETWEEN ${box.minLatitude}::float8 AND ${box.maxLatitude}::float8 AND s."longitude" BETWEEN ${box.minLongitude}::float8 AND ${box.maxLongitude}::float8
         AND (${exclude}::uuid IS NULL OR s."id" <> ${exclude}::uuid)
         AND (NOT ${options.curbsideOnly ?? false}::boolean OR s."curbsideEnabled")),
    nearest AS (SELECT * FROM boxed WHERE "distance" <= ${radiusMiles}::float8 ORDER BY "distance", "name" LIMIT ${options.limit ?? null}::int)
    SELECT n.*,
           ${hoursColumn("n")} AS "hours",
           (SELECT count(*)::int FROM "Order" o WHERE o."storeId" = n."id" AND o."status" IN ('PLACED', 'PICKING')) AS "queuedOrders",
           COALESCE((SELECT json_object_agg(a."sku", a."available") FROM "StorefrontAvailability" a WHERE a."storeCode" = n."code" AND a."sku" = ANY(${options.skus ?? []}::text[])), '{}'::json) AS "available",
           ${capacityCountColumns("n", now)}
      FROM nearest n
     ORDER BY n."distance", n."name"`);
  return rows.map(({ distance, queuedOrders, available, placedToday, openOrders, ...store }) => ({
    store,
    distance,
    queuedOrders,
    available: new Map(Object.entries(available)),
    capacity: capacityOf({ ...store, placedToday, openOrders }, now),
  }));
}
