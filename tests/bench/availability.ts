// `npm run bench:availability [-- --stores 2000,10000 --searches 400 --seconds 10 --concurrency 8]`:
// the store picker at chain scale. For each chain size, 5-item carts from random US ZIP
// codes within 25 miles: the server time of one search (the use case, in process), the
// same rows read with bare SQL (the floor), and searches per second through
// POST /api/v1/pickup-options over HTTP with several clients at once.
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { boundingBox } from "@/lib/platform/geo/bounding-box";
import { pickupOptions, type PickupOptionsRequest } from "@/lib/oms/stores/pickup-options";
import { lower48ZipCodes, seededRandom, seedStoreChain } from "@/prisma/scale/seed-store-chain";
import { percentile, withBenchDatabase } from "./bench-database";
import { cpuPerUnit, nameThisProcess, readCpu } from "./cpu-meter";
import { startReceiversProcess } from "./receivers-process";

nameThisProcess("load");

const { values } = parseArgs({
  options: {
    stores: { type: "string", default: "2000,10000" },
    searches: { type: "string", default: "400" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "8" },
  },
});
const CHAIN_SIZES = values.stores.split(",").map(Number);
const SEARCHES = Number(values.searches);
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const SKUS = 50;
const RADIUS_MILES = 25;
const TARGET = { p99Ms: 20, searchesPerSecond: 300 };

const random = seededRandom(7);
const zips = lower48ZipCodes();

function searchRequest(skus: string[]): PickupOptionsRequest {
  const cart = new Set<string>();
  while (cart.size < 5) cart.add(skus[Math.floor(random() * skus.length)]!);
  return {
    origin: { postalCode: zips[Math.floor(random() * zips.length)]!.zip },
    lines: [...cart].map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) })),
    radiusMiles: RADIUS_MILES,
  };
}

const summary = (sorted: number[]) => `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms`;

/** The rows one search reads, with bare SQL: the cart's products, the nearest stores with hours, queue and availability, the bookings. */
async function bareSearch(client: pg.PoolClient, request: PickupOptionsRequest, origin: { latitude: number; longitude: number }) {
  const box = boundingBox(origin, request.radiusMiles);
  const skus = request.lines.map((line) => line.sku);
  await client.query(`SELECT "id", "sku" FROM "Product" WHERE "sku" = ANY($1)`, [skus]);
  const stores = await client.query(
    `WITH boxed AS (
       SELECT s.*, 2 * 3958.8 * asin(least(1, sqrt(power(sin(radians(s."latitude" - $6) / 2), 2) + cos(radians($6)) * cos(radians(s."latitude")) * power(sin(radians(s."longitude" - $7) / 2), 2)))) AS distance
         FROM "Store" s WHERE s."latitude" BETWEEN $1 AND $2 AND s."longitude" BETWEEN $3 AND $4),
     nearest AS (SELECT * FROM boxed WHERE distance <= $8 ORDER BY distance, name LIMIT 20)
     SELECT n.*,
            (SELECT json_agg(h ORDER BY h."weekday") FROM "StoreHours" h WHERE h."storeId" = n."id") AS hours,
            (SELECT count(*) FROM "Order" o WHERE o."storeId" = n."id" AND o."status" IN ('PLACED', 'PICKING')) AS queued,
            (SELECT json_object_agg(a."sku", a."available") FROM "StorefrontAvailability" a WHERE a."storeCode" = n."code" AND a."sku" = ANY($5)) AS available
       FROM nearest n`,
    [box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude, skus, origin.latitude, origin.longitude, request.radiusMiles],
  );
  const ids = stores.rows.map((row: { id: string }) => row.id);
  if (ids.length === 0) return;
  await client.query(`SELECT "storeId", "startsAt", "booked", "capacity" FROM "PickupSlot" WHERE "storeId" = ANY($1::uuid[]) AND "startsAt" BETWEEN now() AND now() + interval '1 day'`, [ids]);
}

await withBenchDatabase(async (db, url) => {
  const server = await startReceiversProcess();
  const { key } = await createApiKey(db, "Bench storefront");
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY, options: "-c TimeZone=UTC" });
  const zipCentre = (request: PickupOptionsRequest) => {
    const zip = zips.find((record) => "postalCode" in request.origin && record.zip === request.origin.postalCode)!;
    return { latitude: zip.latitude, longitude: zip.longitude };
  };
  let failed = false;
  try {
    for (const size of CHAIN_SIZES) {
      const skus = await seedStoreChain(db, { stores: size, skus: SKUS });
      const total = await db.store.count();
      console.log(`\nbench:availability — ${total.toLocaleString("en-US")} stores, ${SKUS} SKUs each, 5-item carts from random US ZIP codes within ${RADIUS_MILES} miles`);
      const requests = Array.from({ length: SEARCHES }, () => searchRequest(skus));

      // Warm both paths (connections, plans, code) before timing either.
      for (const request of requests.slice(0, 30)) await pickupOptions(db, request, new Date());

      const server_ms: number[] = [];
      let storesFound = 0;
      for (const request of requests) {
        const t0 = performance.now();
        const outcome = await pickupOptions(db, request, new Date());
        server_ms.push(performance.now() - t0);
        if (outcome.ok) storesFound += outcome.answer.stores.length;
      }
      server_ms.sort((a, b) => a - b);

      const floor_ms: number[] = [];
      const client = await pool.connect();
      try {
        for (const request of requests) {
          const origin = zipCentre(request);
          const t0 = performance.now();
          await bareSearch(client, request, origin);
          floor_ms.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
      floor_ms.sort((a, b) => a - b);

      // Through the API: `CONCURRENCY` clients back to back for SECONDS.
      const api_ms: number[] = [];
      const cpuBefore = readCpu({ "app server": server.pid });
      const deadline = Date.now() + SECONDS * 1000;
      let next = 0;
      let refused = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (Date.now() < deadline) {
            const request = requests[next++ % requests.length]!;
            const t0 = performance.now();
            const response = await fetch(`${server.url}/api/v1/pickup-options`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(request) });
            await response.arrayBuffer();
            if (!response.ok) refused++;
            api_ms.push(performance.now() - t0);
          }
        }),
      );
      const cpuAfter = readCpu({ "app server": server.pid });
      api_ms.sort((a, b) => a - b);
      const perSecond = api_ms.length / SECONDS;

      console.log(`  stores answered per search: ${(storesFound / requests.length).toFixed(1)} on average (at most 20)`);
      console.log(`  server time, one search at a time: ${summary(server_ms)}   (target p99 ≤ ${TARGET.p99Ms} ms)`);
      console.log(`  floor, the same rows with bare SQL: ${summary(floor_ms)}; server p50 is ${(percentile(server_ms, 50) / percentile(floor_ms, 50)).toFixed(1)}x the floor`);
      console.log(`  through POST /api/v1/pickup-options, ${CONCURRENCY} clients: ${perSecond.toFixed(0)} searches/s, ${summary(api_ms)}   (target ≥ ${TARGET.searchesPerSecond}/s)${refused ? `; ${refused} refused` : ""}`);
      console.log(`    CPU per search: ${cpuPerUnit(cpuBefore, cpuAfter, api_ms.length)}`);
      if (refused > 0) failed = true;
    }
  } finally {
    await pool.end();
    await server.close();
  }
  if (failed) process.exitCode = 1;
});
