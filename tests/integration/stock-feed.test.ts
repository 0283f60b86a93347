import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/stock/route";
import { rotateStockFeedSecretAction } from "@/app/(ops)/ops/systems/stock-feed-actions";
import { signedHeaders } from "@/lib/bus/signing";
import { getDb } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { loadStoreQueue } from "@/lib/pos/store-queue/queue";
import { findPickupStores } from "@/lib/oms/stores/find-pickup-stores";
import { listStockFeedStores, rotateStockFeedSecret } from "@/lib/oms/stock-feed/stock-feed-secret";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput, stockOf } from "../support/factories";
import { signedInAs } from "../support/staff-session";

// The session is the one thing faked (for the admin action): Auth.js reads it from the
// request's cookie, which a direct call does not have.
const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = () => getDb();
serveSystemsForThisFile();

afterEach(() => {
  session.current = null;
});

type FeedResponse = {
  status: number;
  body: { storeCode?: string; results?: { id: string; outcome: string; note?: string }[]; error?: string; fields?: { path: string; message: string }[] };
};

/** A fresh store with a stock feed secret, products at the given stock, and a storefront cache that matches. */
async function feedStore(stock: { onHand: number; safetyStock?: number }[] = [{ onHand: 10 }]) {
  const store = await createStore(db());
  const products = [];
  for (const level of stock) {
    const product = await createProduct(db(), store.id, level);
    await db().storefrontAvailability.create({ data: { storeCode: store.code, sku: product.sku, available: Math.max(0, level.onHand - (level.safetyStock ?? 0)) } });
    products.push(product);
  }
  const { secret } = (await rotateStockFeedSecret(db(), store.code))!;
  return { store, products, product: products[0]!, secret };
}

/** The real route handler, called as Next calls it, with a Standard Webhooks signature. */
async function postStock(body: unknown, options: { secret: string; at?: Date; headers?: Record<string, string> }): Promise<FeedResponse> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers = { ...signedHeaders(options.secret, `msg_${randomUUID()}`, text, options.at), ...options.headers };
  const response = await POST(new Request("http://handoff.test/api/v1/stock", { method: "POST", headers, body: text }));
  return { status: response.status, body: (await response.json()) as FeedResponse["body"] };
}

let nextId = 0;
const message = (kind: string, sku: string, sequence: number, quantity: number) => ({ id: `pos-msg-${process.pid}-${++nextId}`, sequence, kind, sku, quantity });

const storefrontAvailable = async (storeCode: string, sku: string) =>
  (await db().storefrontAvailability.findUnique({ where: { storeCode_sku: { storeCode, sku } } }))?.available;

/** What checkout offers for `quantity` of the product at the store. */
async function checkoutOffer(store: { id: string; latitude: number; longitude: number }, productId: string, quantity: number) {
  const options = await findPickupStores(db(), { origin: { latitude: store.latitude, longitude: store.longitude }, lines: [{ productId, quantity }], radiusMiles: 1, now: new Date() });
  return options.find((option) => option.id === store.id)!.coverage;
}

describe("POST /api/v1/stock", () => {
  it("applies a signed count and movements to the ledger, and checkout follows once the bus delivers", async () => {
    const { store, products, secret } = await feedStore([{ onHand: 10 }, { onHand: 3, safetyStock: 2 }]);
    const [earbuds, knives] = products as [(typeof products)[0], (typeof products)[0]];
    const messages = [
      message("count", earbuds.sku, 1, 7),
      message("sale", earbuds.sku, 2, 1),
      message("receipt", earbuds.sku, 3, 3),
      message("damage", earbuds.sku, 4, 1),
      message("return", earbuds.sku, 5, 1),
      message("count", knives.sku, 6, 10),
    ];
    const response = await postStock({ storeCode: store.code, messages }, { secret });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ storeCode: store.code, results: messages.map((m) => ({ id: m.id, outcome: "applied" })) });
    expect(await stockOf(db(), store.id, earbuds.id)).toMatchObject({ onHand: 9, countSequence: 1n });
    expect(await stockOf(db(), store.id, knives.id)).toMatchObject({ onHand: 10, countSequence: 6n });
    const recorded = await db().stockMessage.findMany({ where: { storeId: store.id }, orderBy: { sequence: "asc" } });
    expect(recorded.map((row) => [row.messageId, row.kind, row.sequence, row.outcome])).toEqual(
      messages.map((m) => [m.id, m.kind.toUpperCase(), BigInt(m.sequence), "applied"]),
    );

    // One announcement with each item's change in available-to-promise (knives: 1 → 8).
    const [event] = await db().outboxEvent.findMany({ where: { type: "inventory.adjusted", payload: { path: ["storeCode"], equals: store.code } } });
    expect(event).toMatchObject({ source: "OMS", orderId: null, payload: { storeCode: store.code, lines: [{ sku: earbuds.sku, availableDelta: -1 }, { sku: knives.sku, availableDelta: 7 }] } });
    expect(await db().delivery.findMany({ where: { outboxEventId: event!.id }, select: { targetSystem: true } })).toEqual([{ targetSystem: "STOREFRONT" }]);
    expect(await storefrontAvailable(store.code, earbuds.sku)).toBe(10); // not until the bus delivers

    await drain();
    expect(await storefrontAvailable(store.code, earbuds.sku)).toBe(9);
    expect(await storefrontAvailable(store.code, knives.sku)).toBe(8);
    expect((await checkoutOffer(store, earbuds.id, 9)).canFillAll).toBe(true);

    // An empty shelf takes the item out of what checkout offers.
    expect((await postStock({ storeCode: store.code, messages: [message("count", earbuds.sku, 7, 0)] }, { secret })).status).toBe(202);
    await drain();
    expect(await storefrontAvailable(store.code, earbuds.sku)).toBe(0);
    expect(await checkoutOffer(store, earbuds.id, 1)).toMatchObject({ canFillAll: false, shortLines: [{ productId: earbuds.id, requested: 1, available: 0 }] });
  });

  it("answers a message id it already has with duplicate and applies it once", async () => {
    const { store, product, secret } = await feedStore([{ onHand: 10 }]);
    const sale = message("sale", product.sku, 5, 2);
    expect((await postStock({ storeCode: store.code, messages: [sale] }, { secret })).body.results).toEqual([{ id: sale.id, outcome: "applied" }]);

    const receipt = message("receipt", product.sku, 6, 4);
    const retried = await postStock({ storeCode: store.code, messages: [sale, receipt] }, { secret });
    expect(retried).toEqual({ status: 202, body: { storeCode: store.code, results: [{ id: sale.id, outcome: "duplicate" }, { id: receipt.id, outcome: "applied" }] } });
    const again = await postStock({ storeCode: store.code, messages: [sale, receipt] }, { secret });
    expect(again.body.results!.map((result) => result.outcome)).toEqual(["duplicate", "duplicate"]);

    expect((await stockOf(db(), store.id, product.id)).onHand).toBe(12);
    expect(await db().stockMessage.count({ where: { storeId: store.id } })).toBe(2);
    // Nothing changed the last time, so nothing was announced.
    expect(await db().outboxEvent.count({ where: { type: "inventory.adjusted", payload: { path: ["storeCode"], equals: store.code } } })).toBe(2);
  });

  it("applies a request sent twice at the same time once", async () => {
    const { store, product, secret } = await feedStore([{ onHand: 10 }]);
    const body = { storeCode: store.code, messages: [message("sale", product.sku, 3, 2), message("receipt", product.sku, 4, 1)] };
    const responses = await Promise.all([postStock(body, { secret }), postStock(body, { secret })]);
    expect(responses.map((response) => response.status)).toEqual([202, 202]);
    expect(responses.map((response) => response.body.results!.map((result) => result.outcome).join()).sort()).toEqual(["applied,applied", "duplicate,duplicate"]);
    expect((await stockOf(db(), store.id, product.id)).onHand).toBe(9);
  });

  it("follows the POS's sequence: a newer count wins, older messages are stale, later movements apply in any order", async () => {
    const { store, product, secret } = await feedStore([{ onHand: 10 }]);
    const post = (...messages: ReturnType<typeof message>[]) => postStock({ storeCode: store.code, messages }, { secret });

    expect((await post(message("count", product.sku, 20, 5))).status).toBe(202);
    const late = await post(message("count", product.sku, 10, 50), message("sale", product.sku, 15, 1));
    expect(late.body.results!.map((result) => result.outcome)).toEqual(["stale", "stale"]);
    expect(late.body.results![0]!.note).toBe("sequence 10 is not after the last count applied (sequence 20)");
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 5, countSequence: 20n });
    expect(await db().stockMessage.findMany({ where: { storeId: store.id, sequence: { in: [10n, 15n] } }, select: { outcome: true } })).toEqual([{ outcome: "stale" }, { outcome: "stale" }]);

    // Movements after the count, arriving out of order, both apply.
    const after = await post(message("sale", product.sku, 23, 1), message("receipt", product.sku, 22, 4));
    expect(after.body.results!.map((result) => result.outcome)).toEqual(["applied", "applied"]);
    expect((await stockOf(db(), store.id, product.id)).onHand).toBe(8);

    // A sale after a count that arrives before it: the count does not include the sale.
    await post(message("sale", product.sku, 31, 1));
    await post(message("count", product.sku, 30, 10));
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 9, countSequence: 30n });

    // Within one request the sequence decides too, not the order in the list.
    const mixed = await post(message("sale", product.sku, 41, 2), message("count", product.sku, 40, 6));
    expect(mixed.body.results!.map((result) => result.outcome)).toEqual(["applied", "applied"]);
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 4, countSequence: 40n });

    // On-hand stops at zero, and the response says so.
    const oversold = await post(message("sale", product.sku, 42, 7));
    expect(oversold.body.results).toEqual([{ id: expect.any(String), outcome: "applied", note: "on-hand would have gone below 0, so it is 0" }]);
    expect((await stockOf(db(), store.id, product.id)).onHand).toBe(0);
  });

  it("refuses a bad signature, a stale timestamp, a store without a secret and an unknown store, applying nothing", async () => {
    const { store, product, secret } = await feedStore([{ onHand: 10 }]);
    const body = { storeCode: store.code, messages: [message("count", product.sku, 1, 3)] };
    const other = (await feedStore()).secret;

    expect(await postStock(body, { secret: other })).toMatchObject({ status: 401, body: { error: expect.stringContaining("Signature check failed") } });
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
    expect(await postStock(body, { secret, at: elevenMinutesAgo })).toMatchObject({ status: 401, body: { error: expect.stringContaining("Signature check failed") } });
    expect((await postStock(body, { secret, headers: { "webhook-signature": "" } })).status).toBe(401);
    const unsigned = await POST(new Request("http://handoff.test/api/v1/stock", { method: "POST", body: JSON.stringify(body) }));
    expect(unsigned.status).toBe(401);

    const noSecret = await createStore(db());
    expect(await postStock({ ...body, storeCode: noSecret.code }, { secret })).toMatchObject({ status: 401, body: { error: expect.stringContaining("no stock feed secret") } });
    expect(await postStock({ ...body, storeCode: `NOPE-${randomUUID().slice(0, 8)}` }, { secret })).toMatchObject({ status: 404, body: { error: expect.stringContaining("There is no store") } });

    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 10, countSequence: 0n });
    expect(await db().stockMessage.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("refuses a SKU the store does not stock with its path, and applies none of the request", async () => {
    const { store, product, secret } = await feedStore([{ onHand: 10 }]);
    const elsewhere = await feedStore([{ onHand: 4 }]); // a real product, stocked at another store
    const messages = [message("count", product.sku, 1, 3), message("sale", "NO-SUCH-SKU", 2, 1), message("sale", elsewhere.product.sku, 3, 1)];

    const response = await postStock({ storeCode: store.code, messages }, { secret });
    expect(response).toEqual({
      status: 400,
      body: {
        error: "The request names items this store does not stock; nothing was applied.",
        fields: [
          { path: "messages.1.sku", message: 'this store does not stock "NO-SUCH-SKU"' },
          { path: "messages.2.sku", message: `this store does not stock "${elsewhere.product.sku}"` },
        ],
      },
    });
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 10, countSequence: 0n });
    expect(await db().stockMessage.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db().outboxEvent.count({ where: { type: "inventory.adjusted", payload: { path: ["storeCode"], equals: store.code } } })).toBe(0);
  });

  it("answers a malformed body with 400 and each field's problem", async () => {
    const { store, product, secret } = await feedStore([{ onHand: 10 }]);
    expect(await postStock("{not json", { secret })).toMatchObject({ status: 400, body: { error: expect.stringContaining("The body is not valid JSON") } });
    expect(await postStock({ messages: [] }, { secret })).toMatchObject({ status: 400, body: { fields: [{ path: "storeCode", message: "storeCode is required" }] } });

    const repeated = message("sale", product.sku, 4, 1);
    const bad = await postStock(
      {
        storeCode: store.code,
        messages: [
          { id: "a", sequence: 1, kind: "teleport", sku: product.sku, quantity: 1 },
          { id: "b", sequence: -3, kind: "count", sku: product.sku, quantity: 2.5 },
          { id: "c", kind: "sale", sku: product.sku, quantity: 0 },
        ],
      },
      { secret },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { path: "messages.0.kind", message: "kind must be one of count, sale, return, damage, receipt" },
      { path: "messages.1.sequence", message: "sequence must be at least 1" },
      { path: "messages.1.quantity", message: "quantity must be a whole number" },
      { path: "messages.2.sequence", message: "sequence must be a number" },
      { path: "messages.2.quantity", message: "a sale must move at least 1 unit" },
    ]);
    expect(await postStock({ storeCode: store.code, messages: [repeated, message("count", product.sku, 5, 3), repeated] }, { secret })).toMatchObject({
      status: 400,
      body: { fields: [{ path: "messages.2.id", message: `id "${repeated.id}" repeats messages.0.id; each message is sent once per request` }] },
    });
    expect(await postStock({ storeCode: store.code, messages: [] }, { secret })).toMatchObject({ status: 400, body: { fields: [{ path: "messages", message: "send at least one message" }] } });
    expect(await postStock({ storeCode: `${store.code}\u0000`, messages: [] }, { secret })).toMatchObject({
      status: 400,
      body: { fields: [{ path: "storeCode", message: "contains a NUL character or a broken surrogate pair, which cannot be stored" }] },
    });
    expect(await postStock({ storeCode: store.code, messages: "all of them" }, { secret })).toMatchObject({ status: 400, body: { fields: [{ path: "messages", message: "messages must be a list" }] } });
    expect(await db().stockMessage.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("flags the open orders holding an item when a count shows fewer units than they hold", async () => {
    const { store, products, secret } = await feedStore([{ onHand: 5 }, { onHand: 5 }]);
    const [knife, mug] = products as [(typeof products)[0], (typeof products)[0]];
    const slot = await firstSlot(db(), store.id, new Date());
    const place = (productId: string, quantity: number) => placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId, quantity }] }));
    const first = await place(knife.id, 2);
    const second = await place(knife.id, 1);
    const other = await place(mug.id, 1);
    await drain();

    const response = await postStock({ storeCode: store.code, messages: [message("count", knife.sku, 1, 2), message("count", mug.sku, 2, 4)] }, { secret });
    expect(response.status).toBe(202);
    expect(await stockOf(db(), store.id, knife.id)).toMatchObject({ onHand: 2, allocated: 3 });
    await drain();

    const alert = `Stock count shows 2 of ${knife.name} on hand but 3 are held for orders — check the shelf before picking.`;
    const tasks = await db().posOrderTask.findMany({ where: { storeCode: store.code }, select: { orderNumber: true, stockAlert: true }, orderBy: { orderNumber: "asc" } });
    expect(tasks).toEqual([
      { orderNumber: first.number, stockAlert: alert },
      { orderNumber: second.number, stockAlert: alert },
      { orderNumber: other.number, stockAlert: null },
    ]);
    const queue = await loadStoreQueue(db(), store);
    expect(queue.tabs.new.map((card) => [card.orderNumber, card.stockAlert])).toEqual([
      [first.number, alert],
      [second.number, alert],
      [other.number, null],
    ]);
    expect(await db().outboxEvent.findFirst({ where: { orderId: first.orderId, type: "order.stock_short" } })).toMatchObject({
      source: "OMS",
      payload: { orderNumber: first.number, storeCode: store.code, lines: [{ sku: knife.sku, name: knife.name, onHand: 2, held: 3 }], message: alert },
    });
    // The storefront tracks 2 on hand less 3 held, -1, and checkout offers none of the knives.
    expect(await storefrontAvailable(store.code, knife.sku)).toBe(-1);
    const offered = async () => (await findPickupStores(db(), { origin: store, lines: [{ productId: knife.id, quantity: 1 }], radiusMiles: 1, now: new Date() })).find((option) => option.id === store.id)!.coverage.canFillAll;
    expect(await offered()).toBe(false);

    // A cancellation hands one knife back: 2 on hand, 2 held, still none to offer, and the
    // storefront agrees with the ledger (a floor at 0 before adding would now show 1).
    await cancelOrder(db(), { orderId: second.orderId, reason: "Changed my mind", origin: "OMS" });
    await drain();
    expect(await stockOf(db(), store.id, knife.id)).toMatchObject({ onHand: 2, allocated: 2 });
    expect(await storefrontAvailable(store.code, knife.sku)).toBe(0);
    expect(await offered()).toBe(false);

    // A recount finds five: the open orders' alerts clear and three knives are offered.
    expect((await postStock({ storeCode: store.code, messages: [message("count", knife.sku, 3, 5)] }, { secret })).status).toBe(202);
    await drain();
    expect(await db().posOrderTask.findMany({ where: { orderId: { in: [first.orderId, other.orderId] } }, select: { orderNumber: true, stockAlert: true }, orderBy: { orderNumber: "asc" } })).toEqual([
      { orderNumber: first.number, stockAlert: null },
      { orderNumber: other.number, stockAlert: null },
    ]);
    expect(await storefrontAvailable(store.code, knife.sku)).toBe(3);
    expect(await offered()).toBe(true);
  });
});

describe("stock feed secrets", () => {
  const userWith = async (role: Role) =>
    (await db().user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@handoff.test`, name: role, passwordHash: "unused", role } })).id;
  const form = (storeCode: string) => {
    const data = new FormData();
    data.set("storeCode", storeCode);
    return data;
  };

  it("lets only an admin rotate a store's secret, which is shown once and replaces the old one at once", async () => {
    const { store, product, secret: old } = await feedStore([{ onHand: 10 }]);
    for (const role of ["ASSOCIATE", "MANAGER"] as Role[]) {
      session.current = await signedInAs(await userWith(role));
      expect(await rotateStockFeedSecretAction(null, form(store.code))).toEqual({ ok: false, message: "Only an admin can rotate stock feed secrets." });
    }
    expect((await db().store.findUniqueOrThrow({ where: { id: store.id } })).stockFeedSecret).toBe(old);

    session.current = await signedInAs(await userWith("ADMIN"));
    expect(await rotateStockFeedSecretAction(null, form(`NOPE-${randomUUID().slice(0, 8)}`))).toMatchObject({ ok: false });
    const rotated = await rotateStockFeedSecretAction(null, form(store.code));
    const fresh = (await db().store.findUniqueOrThrow({ where: { id: store.id } })).stockFeedSecret!;
    expect(fresh).not.toBe(old);
    expect(rotated).toEqual({ ok: true, message: `Stock feed secret for ${store.code}: ${fresh} — copy it to the store's POS now; it is not shown again.` });

    const body = { storeCode: store.code, messages: [message("count", product.sku, 1, 3)] };
    expect((await postStock(body, { secret: old })).status).toBe(401);
    expect((await postStock(body, { secret: fresh })).status).toBe(202);
    expect((await listStockFeedStores(db())).find((row) => row.code === store.code)).toEqual({ code: store.code, name: store.name, hasSecret: true, secretPrefix: fresh.slice(0, 10) });
  });
});
