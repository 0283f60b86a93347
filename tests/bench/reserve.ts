// `npm run bench:reserve`: checkout placements under concurrency, on one hot SKU and
// spread over 1,000 SKUs, against the bare conditional UPDATE that guards stock, in
// the same run on the same database. Prints throughput, latency and oversold units.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { holdCart } from "@/lib/oms/checkout-hold/hold-cart";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadStore } from "@/lib/oms/stores/load-stores";
import pg from "pg";
import { barePlacement } from "./bare-placement";
import { createBenchStore, percentile, withBenchDatabase } from "./bench-database";
import { cpuPerUnit, nameThisProcess, readCpu } from "./cpu-meter";

nameThisProcess("app");

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "32" },
    skus: { type: "string", default: "1000" },
  },
});
const ORDERS = Number(values.orders);
const CONCURRENCY = Number(values.concurrency);
const SKUS = Number(values.skus);
const HOT_STOCK = Math.floor(ORDERS * 0.75); // a quarter of the hot-SKU attempts must be refused

type Run = { label: string; ok: number; refused: number; seconds: number; latencies: number[] };

async function runConcurrently(label: string, count: number, task: (i: number) => Promise<boolean>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        if (await task(i)) ok++;
        else refused++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { label, ok, refused, seconds: (performance.now() - started) / 1000, latencies };
}


function report(run: Run) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const perSecond = (run.ok + run.refused) / run.seconds;
  console.log(
    `${run.label.padEnd(34)} ${String(run.ok).padStart(6)} ok ${String(run.refused).padStart(6)} refused  ` +
      `${perSecond.toFixed(0).padStart(7)} /s   p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms`,
  );
  return perSecond;
}

await withBenchDatabase(async (db, url) => {
  const store = await createBenchStore(db);
  await db.product.createMany({
    data: Array.from({ length: SKUS + 1 }, (_, i) => ({
      sku: `B-${i}`, name: `Bench product ${i}`, category: "Bench", description: "", priceCents: 999, imageUrl: "/products/EL-1001.svg", barcode: `B${i}`,
    })),
  });
  const products = await db.product.findMany({ orderBy: { sku: "asc" }, select: { id: true, sku: true } });
  const hot = products.find((p) => p.sku === "B-0")!;
  const spread = products.filter((p) => p.id !== hot.id);
  await db.inventoryLevel.createMany({
    data: products.map((p) => ({ storeId: store.id, productId: p.id, onHand: p.id === hot.id ? HOT_STOCK : 1_000_000 })),
  });
  const now = new Date();
  const slot = (await storeSlotOffer(db, (await loadStore(db, store.id))!, now)).slots[0]!;

  const place = (productId: string, checkoutId = randomUUID()) => async () => {
    try {
      await placeOrder(db, {
        checkoutId, storeId: store.id, pickupMethod: "IN_STORE", slotStartsAt: slot.startsAt,
        lines: [{ productId, quantity: 1 }], name: "Bench Shopper", email: "bench@example.com", phone: "+15125550100", cardNumber: "4242424242424242",
      }, now);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "INSUFFICIENT_STOCK") return false;
      throw error;
    }
  };
  // The bare guard: the one statement that decides whether stock is there.
  const bareUpdate = (productId: string) => async () =>
    (await db.$executeRaw`UPDATE "InventoryLevel" SET "allocated" = "allocated" + 1
       WHERE "storeId" = ${store.id}::uuid AND "productId" = ${productId}::uuid
         AND "onHand" - "allocated" - "safetyStock" >= 1`) === 1;

  console.log(`bench:reserve — ${ORDERS} attempts per scenario, ${CONCURRENCY} concurrent, hot SKU stock ${HOT_STOCK}, ${SKUS} SKUs for the spread\n`);
  const cpuBefore = readCpu();
  const hotOrders = report(await runConcurrently("place order, one hot SKU", ORDERS, () => place(hot.id)()));
  const spreadOrders = report(await runConcurrently(`place order, spread over ${SKUS} SKUs`, ORDERS, (i) => place(spread[i % spread.length]!.id)()));
  console.log(`    CPU per placement attempt: ${cpuPerUnit(cpuBefore, readCpu(), 2 * ORDERS)}`);
  // Seed 003's checkout hold in front of each placement: hold the cart when the store is chosen, then place.
  const holdThenPlace = (productId: string) => async () => {
    const checkoutId = randomUUID();
    await holdCart(db, { checkoutId, storeId: store.id, lines: [{ productId, quantity: 1 }], browser: null }, now);
    return place(productId, checkoutId)();
  };
  const cpuBeforeHolds = readCpu();
  const heldOrders = report(await runConcurrently(`hold, then place, spread`, ORDERS, (i) => holdThenPlace(spread[i % spread.length]!.id)()));
  console.log(`    CPU per held checkout (hold + placement): ${cpuPerUnit(cpuBeforeHolds, readCpu(), ORDERS)}`);

  const levels = await db.inventoryLevel.findMany({ where: { storeId: store.id } });
  const oversold = levels.reduce((sum, level) => sum + Math.max(0, level.allocated - level.onHand), 0);
  const held = await db.reservation.aggregate({ where: { storeId: store.id, status: "HELD" }, _sum: { quantity: true } });
  const allocated = levels.reduce((sum, level) => sum + level.allocated, 0);

  // Reset, then the bare UPDATE on the same rows and the same concurrency.
  await db.inventoryLevel.updateMany({ where: { storeId: store.id }, data: { allocated: 0 } });
  const hotBare = report(await runConcurrently("bare conditional UPDATE, hot SKU", ORDERS, () => bareUpdate(hot.id)()));
  const spreadBare = report(await runConcurrently(`bare conditional UPDATE, spread`, ORDERS, (i) => bareUpdate(spread[i % spread.length]!.id)()));
  const bareLevels = await db.inventoryLevel.findMany({ where: { storeId: store.id } });
  const bareOversold = bareLevels.reduce((sum, level) => sum + Math.max(0, level.allocated - level.onHand), 0);

  // The floor for placements: the same rows written by a bare script, one transaction per order.
  await db.inventoryLevel.updateMany({ where: { storeId: store.id }, data: { allocated: 0 } });
  const slotRow = await db.pickupSlot.findUniqueOrThrow({ where: { storeId_startsAt: { storeId: store.id, startsAt: slot.startsAt } } });
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY, options: "-c TimeZone=UTC" });
  const bare = (product: { id: string; sku: string }) => async () => {
    const client = await pool.connect();
    try {
      return await barePlacement(client, { storeId: store.id, storeCode: store.code, slotId: slotRow.id, productId: product.id, sku: product.sku, priceCents: 999, holdUntil: new Date(slot.endsAt.getTime() + 72 * 3_600_000), now });
    } finally {
      client.release();
    }
  };
  const hotBarePlacement = report(await runConcurrently("bare placement SQL (pg), hot SKU", ORDERS, () => bare(hot)()));
  const spreadBarePlacement = report(await runConcurrently("bare placement SQL (pg), spread", ORDERS, (i) => bare(spread[i % spread.length]!)()));
  await pool.end();

  console.log(`\noversold units (placements): ${oversold}   allocated ${allocated} = held reservations ${held._sum.quantity ?? 0}: ${allocated === (held._sum.quantity ?? 0) ? "yes" : "NO"}`);
  console.log(`oversold units (bare UPDATE): ${bareOversold}`);
  console.log(`checkouts with a hold vs without (spread): ${(heldOrders / spreadOrders).toFixed(2)}x`);
  console.log(`full placement vs bare UPDATE throughput: hot SKU ${(hotOrders / hotBare).toFixed(3)}x, spread ${(spreadOrders / spreadBare).toFixed(3)}x`);
  console.log(
    `full placement vs the same transaction's SQL with plain pg: hot SKU ${(hotOrders / hotBarePlacement).toFixed(2)}x, spread ${(spreadOrders / spreadBarePlacement).toFixed(2)}x   (target ≥ 0.5x)`,
  );
  if (oversold > 0 || bareOversold > 0) process.exitCode = 1;
});
