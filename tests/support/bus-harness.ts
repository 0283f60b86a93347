import { afterAll, beforeAll } from "vitest";
import { dispatchBatch } from "@/lib/bus/dispatcher";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { getDb } from "@/lib/platform/db/prisma";
import type { Chain } from "@/lib/generated/prisma/enums";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { createProduct, createStore, firstSlot, orderInput } from "./factories";
import { startSystemsServer } from "./systems-server";

/** Serves the receivers on loopback for this test file and points the dispatcher at them. */
export function serveSystemsForThisFile() {
  const handle = { server: undefined as unknown as Awaited<ReturnType<typeof startSystemsServer>> };
  beforeAll(async () => {
    handle.server = await startSystemsServer();
    process.env.HANDOFF_INTERNAL_URL = handle.server.url;
    await ensureSystemEndpoints(getDb());
  });
  afterAll(async () => {
    await handle.server.close();
  });
  return handle;
}

/** Runs the dispatcher until nothing is due. */
export async function drain() {
  // Generous: another file's burst may be on the bus at the same time.
  for (let i = 0; i < 500; i++) if ((await dispatchBatch(getDb(), 32)) === 0) return;
  throw new Error("the outbox did not drain");
}

/** Runs the dispatcher, as a worker would, until `work` settles: for code that waits for deliveries to arrive. */
export async function drainWhile<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    if ((await dispatchBatch(getDb(), 32)) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return done;
}

/** A placed order at a fresh store whose storefront availability cache starts at 10. */
export async function placedOrder(quantity = 2) {
  const db = getDb();
  const store = await createStore(db);
  const product = await createProduct(db, store.id, { onHand: 10 });
  await db.storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: 10 } });
  const slot = await firstSlot(db, store.id, new Date());
  const placed = await placeOrder(db, orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity }] }));
  return { store, product, orderId: placed.orderId, orderNumber: placed.number };
}

export const chainSteps = (orderId: string, chain: Chain) =>
  getDb().chainStep.findMany({ where: { orderId, chain }, orderBy: { stepNumber: "asc" } });
