import zipcodes from "zipcodes";
import type { Db } from "@/lib/platform/db/prisma";

type ZipRecord = { zip: string; latitude: number; longitude: number; city: string; state: string };

const OUTSIDE_LOWER_48 = new Set(["AK", "HI", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW", "AA", "AE", "AP"]);

/** Every ZIP code of the lower 48 states with coordinates: where a chain's stores and its shoppers are. */
export function lower48ZipCodes(): ZipRecord[] {
  // The dataset holds Canadian postal areas too (letters, not five digits).
  return (Object.values(zipcodes.codes) as ZipRecord[]).filter((record) => /^\d{5}$/.test(record.zip) && !OUTSIDE_LOWER_48.has(record.state) && Number.isFinite(record.latitude) && record.latitude !== 0);
}

/** A repeatable pseudo-random sequence, so two runs build the same chain. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export type StoreChainOptions = { stores: number; skus: number; seed?: number };

/**
 * A chain of `stores` stores at ZIP codes across the lower 48 (a code prefix of "CH"),
 * open 8 AM to 9 PM in their own zone, with `skus` products whose storefront
 * availability at every store is 0 to 20. Set-based SQL, for the store picker at scale.
 * Returns the SKUs.
 */
export async function seedStoreChain(db: Db, { stores, skus, seed = 1 }: StoreChainOptions): Promise<string[]> {
  const random = seededRandom(seed);
  const zips = lower48ZipCodes();
  const places = Array.from({ length: stores }, () => zips[Math.floor(random() * zips.length)]!);
  const zone = (longitude: number) => (longitude < -114 ? "America/Los_Angeles" : longitude < -102 ? "America/Denver" : longitude < -87 ? "America/Chicago" : "America/New_York");
  const codes = places.map((_, i) => `CH${String(i + 1).padStart(5, "0")}`);
  await db.$executeRaw`
    INSERT INTO "Store" ("id", "code", "name", "addressLine", "city", "state", "postalCode", "phone", "timeZone", "latitude", "longitude")
    SELECT gen_random_uuid(), code, city || ' #' || substr(code, 3), (100 + ordinality) || ' Main St', city, state, zip, '(555) 555-' || lpad((ordinality % 10000)::text, 4, '0'), zone,
           -- A ZIP code's stores spread around its centre, not on top of each other.
           latitude + ((ordinality * 7919) % 100 - 50) / 5000.0, longitude + ((ordinality * 104729) % 100 - 50) / 5000.0
      FROM unnest(${codes}::text[], ${places.map((p) => p.city)}::text[], ${places.map((p) => p.state)}::text[], ${places.map((p) => p.zip)}::text[],
                  ${places.map((p) => zone(p.longitude))}::text[], ${places.map((p) => p.latitude)}::float8[], ${places.map((p) => p.longitude)}::float8[])
           WITH ORDINALITY AS place(code, city, state, zip, zone, latitude, longitude, ordinality)
    ON CONFLICT ("code") DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "StoreHours" ("id", "storeId", "weekday", "opensAtMin", "closesAtMin")
    SELECT gen_random_uuid(), s."id", d, 8 * 60, 21 * 60 FROM "Store" s CROSS JOIN generate_series(1, 7) d WHERE s."code" LIKE 'CH%'
    ON CONFLICT ("storeId", "weekday") DO NOTHING`;
  const skuList = Array.from({ length: skus }, (_, i) => `CH-SKU-${String(i + 1).padStart(4, "0")}`);
  await db.$executeRaw`
    INSERT INTO "Product" ("id", "sku", "name", "category", "description", "priceCents", "imageUrl", "barcode")
    SELECT gen_random_uuid(), sku, 'Chain item ' || sku, 'Chain', 'An item every store of the chain sells', 1999, '/products/EL-1001.svg', 'BC-' || sku
      FROM unnest(${skuList}::text[]) AS sku
    ON CONFLICT ("sku") DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "StorefrontAvailability" ("storeCode", "sku", "available", "updatedAt")
    SELECT s."code", p."sku", abs(hashtext(s."code" || p."sku")) % 21, now()
      FROM "Store" s CROSS JOIN "Product" p WHERE s."code" LIKE 'CH%' AND p."sku" LIKE 'CH-SKU-%'
    ON CONFLICT ("storeCode", "sku") DO NOTHING`;
  for (const table of ["Store", "StoreHours", "StorefrontAvailability"]) await db.$executeRawUnsafe(`ANALYZE "${table}"`);
  return skuList;
}
