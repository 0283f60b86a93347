import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as cascadeGet } from "@/app/api/v1/orders/[number]/cascade/route";
import { POST } from "@/app/api/v1/orders/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";
import { loadOrderCascade } from "@/lib/monitor/cascade/order-cascade";
import { CHANNEL_ADAPTERS } from "@/lib/oms/intake/channels/adapters";
import { replayIntakeOrder } from "@/lib/oms/intake/receive-channel-order";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();
// Every order here is placed at once; the queue above the rate has its own test file.
process.env.HANDOFF_INTAKE_RATE_PER_SECOND = "100000";

async function post(key: string | null, body: unknown) {
  const response = await POST(
    new Request("http://handoff.test/api/v1/orders", {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { reasons?: { path: string; message: string }[] } };
}

const marketplaceKey = async () => (await createApiKey(db(), "Marketplace", "MARKETPLACE")).key;
const platformKey = async () => (await createApiKey(db(), "Storefront platform", "STOREFRONT_PLATFORM")).key;

/** A store with a product in stock, for one test. */
async function stockedStore(onHand = 10, options: { curbsideEnabled?: boolean } = {}) {
  const store = await createStore(db(), options);
  const product = await createProduct(db(), store.id, { onHand });
  return { store, product };
}

function marketplaceOrder(overrides: { storeCode?: string | null; sku: string; quantity?: number; id?: string; postalCode?: string; method?: string }) {
  return {
    marketplace_order_id: overrides.id ?? `MP-${randomUUID()}`,
    buyer: { name: "Jordan Lee", email: "Jordan@Example.com", phone: "(512) 555-0101", ...(overrides.postalCode ? { postal_code: overrides.postalCode } : {}) },
    fulfillment: { type: "store_pickup", ...(overrides.storeCode ? { store_id: overrides.storeCode } : {}), method: overrides.method ?? "in_store" },
    order_items: [{ seller_sku: overrides.sku, quantity_ordered: overrides.quantity ?? 1, item_price: { amount: "10.00", currency: "USD" } }],
    payment: { transaction_id: `mp_txn_${randomUUID()}`, card_last_four: "4242" },
    order_total: { amount: "10.00", currency: "USD" },
  };
}

function platformOrder(overrides: { locationId?: string; zip?: string; sku: string; id?: number }) {
  return {
    id: overrides.id ?? Math.floor(Math.random() * 1e12),
    customer: { first_name: "Ana", last_name: "Ruiz", email: "ana@example.com", phone: "512-555-0199" },
    line_items: [{ sku: overrides.sku, quantity: 2, price: "10.00" }],
    pickup: { ...(overrides.locationId ? { location_id: overrides.locationId } : {}), method: "curbside" },
    ...(overrides.zip ? { billing_address: { zip: overrides.zip } } : {}),
    total_price: "20.00",
    transactions: [{ kind: "authorization", status: "success", authorization: `ch_${randomUUID()}`, card_last4: "1881" }],
  };
}

describe("the channel intake", () => {
  it("places a marketplace order at the store it names, in that store's queue, with the channel's payment", async () => {
    const { store, product } = await stockedStore();
    const order = marketplaceOrder({ storeCode: store.code, sku: product.sku, quantity: 2 });
    const { status, body } = await post(await marketplaceKey(), order);
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "accepted", storeCode: store.code, duplicate: false, routing: expect.stringContaining("the store asked for, can fill every line") });
    const placed = await db().order.findUniqueOrThrow({ where: { number: body.orderNumber as number }, include: { payment: true, lines: true } });
    expect(placed).toMatchObject({ channel: "MARKETPLACE", channelOrderId: order.marketplace_order_id, customerEmail: "jordan@example.com", customerPhone: "+15125550101", storeId: store.id });
    expect(placed.payment).toMatchObject({ provider: "channel:marketplace", providerRef: order.payment.transaction_id, cardLast4: "4242", status: "AUTHORIZED" });
    expect(placed.lines.map((line) => [line.sku, line.quantity])).toEqual([[product.sku, 2]]);
    await drain();
    expect(await db().posOrderTask.findUnique({ where: { orderId: placed.id } })).toMatchObject({ storeCode: store.code, status: "new", itemCount: 2 });
  });

  it("routes a storefront-platform order that names no store to the nearest store that can fill it, and says why", async () => {
    const near = await stockedStore(0); // nearest, but out of stock
    const { product } = near;
    const far = await createStore(db());
    await db().store.update({ where: { id: far.id }, data: { latitude: 30.35 } }); // about 5.5 miles north
    await db().inventoryLevel.create({ data: { storeId: far.id, productId: product.id, onHand: 5 } });
    const order = platformOrder({ zip: "78701", sku: product.sku });
    const { status, body } = await post(await platformKey(), order);
    expect(status).toBe(201);
    expect(body.storeCode).toBe(far.code);
    expect(body.routing).toMatch(new RegExp(`^Routed to .* \\(${far.code}\\) because the order named no store: lowest score [\\d.]+ \\(distance [\\d.]+ mi \\+ load 0 \\+ slot pressure 0\\)`));
    const placed = await db().order.findUniqueOrThrow({ where: { number: body.orderNumber as number } });
    expect(placed).toMatchObject({ channel: "STOREFRONT_PLATFORM", channelOrderId: String(order.id), pickupMethod: "CURBSIDE", customerName: "Ana Ruiz" });
    const routing = placed.routing as { candidates: { code: string; eligible: boolean; why: string }[] };
    expect(routing.candidates.find((candidate) => candidate.code === near.store.code)).toMatchObject({ eligible: false, why: `cannot fill ${product.sku}` });
    expect((await loadOrderCascade(db(), placed.number))?.routing?.candidates.length).toBe(routing.candidates.length);
    // A routing record the dashboard cannot read (another shape, an older version) shows as none rather than breaking the page.
    await db().order.update({ where: { id: placed.id }, data: { routing: { splitFrom: 1, reason: "another shape" } } });
    expect((await loadOrderCascade(db(), placed.number))?.routing).toBeNull();
  });

  it("sends an order away from the store it names when that store cannot fill it", async () => {
    const asked = await stockedStore(1);
    const other = await createStore(db());
    await db().inventoryLevel.create({ data: { storeId: other.id, productId: asked.product.id, onHand: 9 } });
    const { status, body } = await post(await marketplaceKey(), marketplaceOrder({ storeCode: asked.store.code, sku: asked.product.sku, quantity: 3 }));
    expect(status).toBe(201);
    expect(body.storeCode).toBe(other.code);
    expect(body.routing).toContain(`(${asked.store.code}), the store asked for, cannot fill ${asked.product.sku}`);
  });

  it("places one order when the channel sends the same order twice at once, even for the last unit", async () => {
    const { store, product } = await stockedStore(1);
    const key = await marketplaceKey();
    const order = marketplaceOrder({ storeCode: store.code, sku: product.sku });
    const [a, b] = await Promise.all([post(key, order), post(key, order)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.orderNumber).toBe(b.body.orderNumber);
    expect(await db().order.count({ where: { channelOrderId: order.marketplace_order_id } })).toBe(1);
    expect(await db().intakeOrder.findUniqueOrThrow({ where: { channel_channelOrderId: { channel: "MARKETPLACE", channelOrderId: order.marketplace_order_id } } })).toMatchObject({ status: "ACCEPTED" });
  });

  it("is idempotent on the channel's order id", async () => {
    const { store, product } = await stockedStore();
    const key = await marketplaceKey();
    const order = marketplaceOrder({ storeCode: store.code, sku: product.sku });
    const first = await post(key, order);
    const again = await post(key, order);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { status: "accepted", orderNumber: first.body.orderNumber, duplicate: true } });
    expect(await db().order.count({ where: { channelOrderId: order.marketplace_order_id } })).toBe(1);
    expect((await db().inventoryLevel.findFirstOrThrow({ where: { storeId: store.id } })).allocated).toBe(1);
  });

  it("keeps every invalid order in quarantine with the exact reasons, and places nothing", async () => {
    const { store, product } = await stockedStore(10, { curbsideEnabled: false });
    const key = await marketplaceKey();
    const base = () => marketplaceOrder({ storeCode: store.code, sku: product.sku });
    const cases: { name: string; order: Record<string, unknown>; reasons: { path: string; message: string }[] }[] = [
      { name: "bad email", order: { ...base(), buyer: { name: "Jordan Lee", email: "jordan@", phone: "5125550101" } }, reasons: [{ path: "buyer.email", message: "Not a valid email address." }] },
      { name: "bad phone", order: { ...base(), buyer: { name: "Jordan Lee", email: "j@example.com", phone: "12345" } }, reasons: [{ path: "buyer.phone", message: "Not a 10-digit US phone number." }] },
      { name: "zero quantity", order: { ...base(), order_items: [{ seller_sku: product.sku, quantity_ordered: 0 }] }, reasons: [{ path: "order_items.0.quantity_ordered", message: "The quantity must be at least 1." }] },
      { name: "no items", order: { ...base(), order_items: [] }, reasons: [{ path: "order_items", message: "The order has no items." }] },
      { name: "unknown SKU", order: { ...base(), order_items: [{ seller_sku: product.sku, quantity_ordered: 1 }, { seller_sku: "NO-SUCH-SKU", quantity_ordered: 1 }] }, reasons: [{ path: "order_items.1.seller_sku", message: 'No product has the SKU "NO-SUCH-SKU".' }] },
      { name: "unknown store", order: { ...base(), fulfillment: { type: "store_pickup", store_id: "NOPE-1" } }, reasons: [{ path: "fulfillment.store_id", message: 'No store has the code "NOPE-1".' }] },
      { name: "shipping order", order: { ...base(), fulfillment: { type: "ship_to_home", store_id: store.code } }, reasons: [{ path: "fulfillment.type", message: "Only store pickup orders can be sent here." }] },
      { name: "no store and no postal code", order: { ...base(), fulfillment: { type: "store_pickup" } }, reasons: [{ path: "fulfillment.store_id", message: "Name a store_id or give the buyer's postal_code, so the order can be routed." }] },
      { name: "unknown postal code", order: { ...base(), buyer: { name: "Jordan Lee", email: "j@example.com", phone: "5125550101", postal_code: "00000" }, fulfillment: { type: "store_pickup" } }, reasons: [{ path: "buyer.postal_code", message: "We don't know the ZIP code 00000. Check it, or type a city." }] },
      { name: "euros", order: { ...base(), order_total: { amount: "10.00", currency: "EUR" } }, reasons: [{ path: "order_total.currency", message: "Only USD orders are accepted." }] },
      { name: "window backwards", order: { ...base(), fulfillment: { type: "store_pickup", store_id: store.code, pickup_after: "2026-12-01T18:00:00Z", pickup_before: "2026-12-01T17:00:00Z" } }, reasons: [{ path: "fulfillment.pickup_before", message: "pickup_before must be after pickup_after." }] },
      { name: "curbside where there is none", order: { ...base(), fulfillment: { type: "store_pickup", store_id: store.code, method: "curbside" } }, reasons: [{ path: "(order)", message: `No store within reach can take this order as asked: ${store.name} (${store.code}) offers no curbside pickup.` }] },
      { name: "too many", order: { ...base(), order_items: [{ seller_sku: product.sku, quantity_ordered: 11 }] }, reasons: [{ path: "(order)", message: expect.stringContaining("No single store within reach can fill every line.") as unknown as string }] },
      { name: "an absurd total", order: { ...base(), order_total: { amount: "25000000.00", currency: "USD" } }, reasons: [{ path: "order_total.amount", message: "An amount cannot be over $1,000,000." }] },
      { name: "no payment", order: { ...base(), payment: { card_last_four: "4242" } }, reasons: [{ path: "payment.transaction_id", message: expect.any(String) as unknown as string }] },
    ];
    for (const { name, order, reasons } of cases) {
      const { status, body } = await post(key, order);
      expect({ name, status, reasons: body.reasons }).toEqual({ name, status: 422, reasons });
      const row = await db().intakeOrder.findUniqueOrThrow({ where: { id: body.intakeId as string } });
      expect(row).toMatchObject({ status: "QUARANTINED", channel: "MARKETPLACE", orderId: null });
    }
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(0);
    expect((await db().inventoryLevel.findFirstOrThrow({ where: { storeId: store.id } })).allocated).toBe(0);
  });

  it("quarantines each kind of bad storefront-platform order with its reason", async () => {
    const { store, product } = await stockedStore();
    const key = await platformKey();
    const base = () => platformOrder({ locationId: store.code, sku: product.sku });
    const cases: { order: Record<string, unknown>; reasons: { path: string; message: string }[] }[] = [
      { order: { ...base(), customer: { first_name: "Ana", email: "ana@", phone: "5125550199" } }, reasons: [{ path: "customer.email", message: "Not a valid email address." }] },
      { order: { ...base(), line_items: [{ sku: product.sku, quantity: 21 }] }, reasons: [{ path: "line_items.0.quantity", message: "At most 20 of one item per order." }] },
      { order: { ...base(), line_items: [{ sku: product.sku, quantity: 1, price: "12,99" }] }, reasons: [{ path: "line_items.0.price", message: "Not an amount such as 12.99." }] },
      { order: { ...base(), currency: "CAD" }, reasons: [{ path: "currency", message: "Only USD orders are accepted." }] },
      { order: { ...base(), pickup: { location_id: "NOPE-2" } }, reasons: [{ path: "pickup.location_id", message: 'No store has the code "NOPE-2".' }] },
      { order: { ...base(), pickup: { method: "drive_thru", location_id: store.code } }, reasons: [{ path: "pickup.method", message: "The pickup method must be in_store or curbside." }] },
      { order: { ...base(), pickup: { location_id: store.code, window: { start: "2026-12-01T18:00:00Z", end: "2026-12-01T17:00:00Z" } } }, reasons: [{ path: "pickup.window.end", message: "The window must end after it starts." }] },
      { order: { ...base(), pickup: {}, billing_address: { zip: "7870" } }, reasons: [{ path: "billing_address.zip", message: "Not a US ZIP code." }] },
      { order: { ...base(), pickup: {} }, reasons: [{ path: "pickup.location_id", message: "Give a pickup location_id or a billing_address zip, so the order can be routed." }] },
      { order: { ...base(), transactions: [{ kind: "authorization", status: "failure", authorization: "ch_1" }] }, reasons: [{ path: "transactions", message: "The order has no successful payment authorization." }] },
      { order: { ...base(), line_items: [{ sku: "GHOST-1", quantity: 1 }] }, reasons: [{ path: "line_items.0.sku", message: 'No product has the SKU "GHOST-1".' }] },
    ];
    for (const { order, reasons } of cases) {
      const { status, body } = await post(key, order);
      expect({ status, reasons: body.reasons }).toEqual({ status: 422, reasons });
    }
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("refuses what it cannot keep, and keys that are not a channel's", async () => {
    const key = await marketplaceKey();
    expect(await post(key, "{not json")).toMatchObject({ status: 400, body: { error: expect.stringContaining("The body is not valid JSON") } });
    expect(await post(key, [1, 2])).toMatchObject({ status: 400, body: { error: "Send one order as a JSON object." } });
    expect((await post(key, { buyer: {} })).status).toBe(400);
    expect((await post(null, {})).status).toBe(401);
    expect((await post((await createApiKey(db(), "read only")).key, {})).status).toBe(403);
    expect(await post(key, { marketplace_order_id: "MP-NUL", buyer: { name: "Jo\u0000rdan" } })).toMatchObject({
      status: 400,
      body: { error: "The body cannot be accepted: buyer.name contains a NUL character or a broken surrogate pair, which cannot be stored." },
    });
    expect(await db().intakeOrder.count({ where: { channelOrderId: "MP-NUL" } })).toBe(0);
    // A channel's key sends its own orders; it cannot read other orders' customers.
    const cascade = await cascadeGet(new Request("http://handoff.test/api/v1/orders/100001/cascade", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ number: "100001" }) } as never);
    expect(cascade.status).toBe(403);
    const platform = await post(await platformKey(), { id: 12, customer: {}, line_items: [], pickup: {}, transactions: [{ kind: "capture", status: "success", authorization: "x" }] });
    expect(platform.status).toBe(422);
    expect(platform.body.reasons!.map((reason) => reason.path)).toEqual(expect.arrayContaining(["customer.first_name", "customer.email", "line_items", "transactions"]));
  });

  it("offers split pickup or shipping when no single store can fill the order", async () => {
    const a = await stockedStore(5);
    const b = await stockedStore(5);
    const order = { ...marketplaceOrder({ sku: a.product.sku, postalCode: "78701" }), order_items: [{ seller_sku: a.product.sku, quantity_ordered: 1 }, { seller_sku: b.product.sku, quantity_ordered: 1 }] };
    const { status, body } = await post(await marketplaceKey(), order);
    expect(status).toBe(422);
    expect(body.offer).toEqual({ splitPickup: expect.arrayContaining([expect.objectContaining({ code: a.store.code, skus: [a.product.sku] }), expect.objectContaining({ code: b.store.code, skus: [b.product.sku] })]), shipToHome: true });
    expect(await db().order.count({ where: { channelOrderId: order.marketplace_order_id } })).toBe(0);
  });

  it("places a quarantined order once ops fix it and replay it", async () => {
    const { store, product } = await stockedStore();
    const order = { ...marketplaceOrder({ storeCode: store.code, sku: product.sku }), order_items: [{ seller_sku: product.sku.toLowerCase(), quantity_ordered: 1 }] };
    const quarantined = await post(await marketplaceKey(), order);
    expect(quarantined.status).toBe(422);
    const intakeId = quarantined.body.intakeId as string;
    const adapter = CHANNEL_ADAPTERS.MARKETPLACE;

    expect(await replayIntakeOrder(db(), adapter, intakeId, { ...order, marketplace_order_id: "MP-OTHER" }, "Morgan Manager")).toMatchObject({ status: "refused" });
    const stillWrong = await replayIntakeOrder(db(), adapter, intakeId, order, "Morgan Manager");
    expect(stillWrong).toMatchObject({ status: "quarantined" });
    const fixed = await replayIntakeOrder(db(), adapter, intakeId, { ...order, order_items: [{ seller_sku: product.sku, quantity_ordered: 1 }] }, "Morgan Manager");
    expect(fixed).toMatchObject({ status: "accepted", storeCode: store.code });
    const discarded = await db().intakeOrder.create({ data: { channel: "MARKETPLACE", channelOrderId: `MP-${randomUUID()}`, payload: {}, status: "DISCARDED" } });
    expect(await replayIntakeOrder(db(), adapter, discarded.id, { marketplace_order_id: discarded.channelOrderId }, "Morgan Manager")).toMatchObject({ status: "refused", error: expect.stringContaining("discarded") });
    expect(await db().intakeOrder.findUniqueOrThrow({ where: { id: intakeId } })).toMatchObject({ status: "ACCEPTED", resolvedBy: "Morgan Manager", attempts: 3, reasons: [] });
    // The channel sending it again now gets the placed order back.
    expect(await post(await marketplaceKey(), order)).toMatchObject({ status: 200, body: { status: "accepted", duplicate: true } });
  });
});
