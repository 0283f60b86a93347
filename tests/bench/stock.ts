// `npm run bench:stock [-- --stores 50 --batch 100 --seconds 20 --skus 200 --rate 2000]`: the
// stores' POS fleet reporting stock movements to POST /api/v1/stock, one client per store,
// each request 100 signed movements, 2,000 movements/s in all (`--rate 0`: as fast as it answers). Prints movements per second and request latency, how
// long the storefront's availability took to follow (each inventory.adjusted event from
// commit to delivered), whether every store+SKU agrees with the OMS afterwards, and the
// floor: the same rows (messages, levels, the event) written by a bare pg script per request.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { signedHeaders } from "@/lib/bus/signing";
import { startDeliveryWorker } from "@/lib/bus/worker";
import { rotateStockFeedSecret } from "@/lib/oms/stock-feed/stock-feed-secret";
import { percentile, withBenchDatabase } from "./bench-database";
import { cpuPerUnit, nameThisProcess, readCpu } from "./cpu-meter";
import { startReceiversProcess } from "./receivers-process";

nameThisProcess("worker and POS fleet");

const { values } = parseArgs({
  options: { stores: { type: "string", default: "50" }, batch: { type: "string", default: "100" }, seconds: { type: "string", default: "20" }, skus: { type: "string", default: "200" }, rate: { type: "string", default: "2000" } },
});
const STORES = Number(values.stores);
const BATCH = Number(values.batch);
const SECONDS = Number(values.seconds);
const SKUS = Number(values.skus);
/** Movements per second the fleet sends, spread evenly over its stores; 0 sends as fast as the app answers. */
const RATE = Number(values.rate);
const TARGET = { movementsPerSecond: 2_000, followP99Ms: 2_000 };

const summary = (sorted: number[]) => `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`;

type Movement = { id: string; sequence: number; kind: "sale" | "receipt"; sku: string; quantity: number };

function movements(sequenceFrom: number, skus: string[]): Movement[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    id: randomUUID(),
    sequence: sequenceFrom + i,
    kind: Math.random() < 0.6 ? "sale" : "receipt",
    sku: skus[Math.floor(Math.random() * skus.length)]!,
    quantity: 1 + Math.floor(Math.random() * 3),
  }));
}

await withBenchDatabase(async (db, url) => {
  const server = await startReceiversProcess();
  process.env.HANDOFF_INTERNAL_URL = server.url;
  await ensureSystemEndpoints(db);
  const worker = await startDeliveryWorker(db, { databaseUrl: url });
  const pool = new pg.Pool({ connectionString: url, max: STORES, options: "-c TimeZone=UTC" });
  try {
    // The fleet: stores with a stock feed secret, every SKU stocked everywhere, the storefront in step.
    const skus = Array.from({ length: SKUS }, (_, i) => `ST-${String(i + 1).padStart(4, "0")}`);
    await db.$executeRaw`
      INSERT INTO "Store" ("id", "code", "name", "addressLine", "city", "state", "postalCode", "phone", "timeZone", "latitude", "longitude")
      SELECT gen_random_uuid(), 'FL' || lpad(g::text, 3, '0'), 'Fleet store ' || g, g || ' Main St', 'Austin', 'TX', '78701', '(512) 555-0100', 'America/Chicago', 30.27, -97.74
        FROM generate_series(1, ${STORES}::int) g`;
    await db.$executeRaw`
      INSERT INTO "Product" ("id", "sku", "name", "category", "description", "priceCents", "imageUrl", "barcode")
      SELECT gen_random_uuid(), sku, 'Fleet item ' || sku, 'Fleet', '', 999, '/products/EL-1001.svg', 'BC-' || sku FROM unnest(${skus}::text[]) AS sku`;
    await db.$executeRaw`
      INSERT INTO "InventoryLevel" ("id", "storeId", "productId", "onHand", "updatedAt") SELECT gen_random_uuid(), s."id", p."id", 1000, now() FROM "Store" s CROSS JOIN "Product" p`;
    await db.$executeRaw`
      INSERT INTO "StorefrontAvailability" ("storeCode", "sku", "available", "updatedAt") SELECT s."code", p."sku", 1000, now() FROM "Store" s CROSS JOIN "Product" p`;
    const stores = await db.store.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } });
    const secrets = new Map<string, string>();
    for (const store of stores) secrets.set(store.code, (await rotateStockFeedSecret(db, store.code))!.secret);
    console.log(`bench:stock — ${STORES} stores × ${SKUS} SKUs, requests of ${BATCH} movements, one POS client per store, ${RATE > 0 ? `${RATE} movements/s in all` : "as fast as answered"}, ${SECONDS} s\n`);

    // Through the API: the fleet at `rate` movements/s (0: as fast as the app answers).
    const sequences = new Map(stores.map((store) => [store.code, 1]));
    const runFleet = async (rate: number) => {
      const latencies: number[] = [];
      let refused = 0;
      const cpuBefore = readCpu({ "app server": server.pid });
      const started = Date.now();
      await Promise.all(
        stores.map(async (store, index) => {
          // Each store sends on its own clock, the fleet's requests spread evenly over time.
          const everyMs = rate > 0 ? (STORES * BATCH * 1000) / rate : 0;
          for (let n = 0; Date.now() - started < SECONDS * 1000; n++) {
            const due = started + (index / STORES) * everyMs + n * everyMs;
            if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
            if (Date.now() - started >= SECONDS * 1000) break;
            const sequence = sequences.get(store.code)!;
            sequences.set(store.code, sequence + BATCH);
            const body = JSON.stringify({ storeCode: store.code, messages: movements(sequence, skus) });
            const t0 = performance.now();
            const response = await fetch(`${server.url}/api/v1/stock`, { method: "POST", headers: { ...signedHeaders(secrets.get(store.code)!, randomUUID(), body), "content-type": "application/json" }, body });
            await response.arrayBuffer();
            latencies.push(performance.now() - t0);
            if (response.status !== 202) refused++;
          }
        }),
      );
      const elapsed = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return { latencies, refused, perSecond: ((latencies.length - refused) * BATCH) / elapsed, cpu: cpuPerUnit(cpuBefore, readCpu({ "app server": server.pid }), latencies.length), since: new Date(started) };
    };
    const paced = await runFleet(RATE);
    // The storefront following: every inventory.adjusted event from its commit to delivered.
    const drained = Date.now();
    while ((await db.delivery.count({ where: { status: "PENDING" } })) > 0 && Date.now() - drained < 120_000) await new Promise((resolve) => setTimeout(resolve, 250));
    const follow = (
      await db.$queryRaw<{ ms: number }[]>`
        SELECT EXTRACT(EPOCH FROM (d."deliveredAt" - o."occurredAt")) * 1000 AS "ms"
          FROM "Delivery" d JOIN "OutboxEvent" o ON o."id" = d."outboxEventId"
         WHERE o."type" = 'inventory.adjusted' AND d."targetSystem" = 'STOREFRONT' AND d."status" = 'DELIVERED' AND o."occurredAt" >= ${paced.since}`
    )
      .map((row) => Number(row.ms))
      .sort((a, b) => a - b);

    const flat = RATE > 0 ? await runFleet(0) : paced;
    const settled = Date.now();
    while ((await db.delivery.count({ where: { status: "PENDING" } })) > 0 && Date.now() - settled < 120_000) await new Promise((resolve) => setTimeout(resolve, 250));
    const [disagree] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "InventoryLevel" l JOIN "Store" s ON s."id" = l."storeId" JOIN "Product" p ON p."id" = l."productId"
        JOIN "StorefrontAvailability" a ON a."storeCode" = s."code" AND a."sku" = p."sku"
       WHERE a."available" <> l."onHand" - l."allocated" - l."safetyStock"`;

    // The floor: the same rows written by a bare script, one transaction per request, at the same concurrency.
    const floorLatencies: number[] = [];
    const floorStarted = Date.now();
    const levelIds = new Map((await db.inventoryLevel.findMany({ select: { id: true, storeId: true, product: { select: { sku: true } } } })).map((level) => [`${level.storeId}:${level.product.sku}`, level.id]));
    await Promise.all(
      stores.map(async (store) => {
        const client = await pool.connect();
        try {
          while (Date.now() - floorStarted < SECONDS * 1000) {
            const sequence = sequences.get(store.code)!;
            sequences.set(store.code, sequence + BATCH);
            const batch = movements(sequence, skus);
            const t0 = performance.now();
            await client.query("BEGIN");
            await client.query(
              `INSERT INTO "StockMessage" ("id", "storeId", "messageId", "sequence", "kind", "sku", "quantity", "outcome")
               SELECT gen_random_uuid(), $1, m.id, m.seq, m.kind::"StockMessageKind", m.sku, m.qty, 'applied' FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[]) AS m(id, seq, kind, sku, qty)`,
              [store.id, batch.map((m) => m.id), batch.map((m) => m.sequence), batch.map((m) => m.kind.toUpperCase()), batch.map((m) => m.sku), batch.map((m) => m.quantity)],
            );
            const net = new Map<string, number>();
            for (const m of batch) net.set(m.sku, (net.get(m.sku) ?? 0) + (m.kind === "sale" ? -m.quantity : m.quantity));
            const ids = [...net.keys()].sort().map((sku) => levelIds.get(`${store.id}:${sku}`)!);
            await client.query(`SELECT "id" FROM "InventoryLevel" WHERE "id" = ANY($1::uuid[]) ORDER BY "productId" FOR UPDATE`, [ids]);
            await client.query(`UPDATE "InventoryLevel" l SET "onHand" = l."onHand" + m.delta, "updatedAt" = now() FROM unnest($1::uuid[], $2::int[]) AS m(id, delta) WHERE l."id" = m.id`, [
              [...net.keys()].map((sku) => levelIds.get(`${store.id}:${sku}`)!),
              [...net.values()],
            ]);
            await client.query(`INSERT INTO "OutboxEvent" ("id", "source", "type", "orderId", "payload", "occurredAt") VALUES (gen_random_uuid(), 'OMS', 'bench.floor', NULL, $1::jsonb, now())`, [
              JSON.stringify({ storeCode: store.code, lines: [...net].map(([sku, availableDelta]) => ({ sku, availableDelta })) }),
            ]);
            await client.query("COMMIT");
            floorLatencies.push(performance.now() - t0);
          }
        } finally {
          client.release();
        }
      }),
    );
    const floorElapsed = (Date.now() - floorStarted) / 1000;
    floorLatencies.sort((a, b) => a - b);
    const floorPerSecond = (floorLatencies.length * BATCH) / floorElapsed;

    const line = (label: string, run: typeof paced) =>
      console.log(`${label}: ${run.perSecond.toFixed(0)} movements/s answered (${run.latencies.length} requests), ${summary(run.latencies)}${run.refused ? `; ${run.refused} refused` : ""}\n    CPU per request of ${BATCH}: ${run.cpu}`);
    if (RATE > 0) {
      console.log(
        `sent at ${RATE} movements/s for ${SECONDS} s: ${paced.latencies.length} requests, ${paced.latencies.length - paced.refused} answered 202, ${summary(paced.latencies)}\n    CPU per request of ${BATCH}: ${paced.cpu}`,
      );
    }
    line("sent as fast as answered", flat);
    console.log(`  (target ≥ ${TARGET.movementsPerSecond} movements/s)`);
    console.log(`storefront availability following at ${RATE > 0 ? `${RATE}/s` : "full speed"} (commit → delivered): ${summary(follow)} over ${follow.length} events   (target p99 ≤ ${TARGET.followP99Ms} ms)`);
    console.log(`store+SKU rows where the storefront disagrees with the OMS afterwards: ${disagree?.n ?? "?"}`);
    console.log(`floor, the same rows with bare SQL: ${floorPerSecond.toFixed(0)} movements/s, ${summary(floorLatencies)}; the API at full speed is ${(flat.perSecond / floorPerSecond).toFixed(2)}x the floor`);
    const refused = paced.refused + flat.refused;
    if (refused > 0 || (disagree?.n ?? 1) > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await worker.stop();
    await server.close();
  }
});
