// `npm run demo:channels -- [--url http://localhost:3000] [--marketplace-key hk_…] [--platform-key hk_…]
//   [--store AUS-NL --stock-secret whsec_… --sku EL-1001 --count 0]`
// Sends a running Handoff what other systems would: a marketplace order and a storefront
// platform order (keys from /ops/systems, "Sales channel"), an order with a typo in its SKU
// that lands in quarantine, and a store POS's shelf count signed with the store's stock
// feed secret (rotate it at /ops/systems to read it). Prints each answer.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Webhook } from "standardwebhooks";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    "marketplace-key": { type: "string" },
    "platform-key": { type: "string" },
    store: { type: "string", default: "AUS-NL" },
    "stock-secret": { type: "string" },
    sku: { type: "string", default: "EL-1001" },
    count: { type: "string", default: "0" },
  },
});

async function send(label: string, path: string, init: RequestInit) {
  const response = await fetch(`${values.url}${path}`, init);
  console.log(`${label}: ${response.status}\n${JSON.stringify(await response.json(), null, 2)}\n`);
}

const json = (key: string, body: unknown): RequestInit => ({ method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });

const marketplaceOrder = (sku: string) => ({
  marketplace_order_id: `MP-${randomUUID().slice(0, 8)}`,
  buyer: { name: "Jordan Lee", email: "jordan@example.com", phone: "512-555-0101", postal_code: "78751" },
  fulfillment: { type: "store_pickup", store_id: values.store, method: "in_store" },
  order_items: [{ seller_sku: sku, quantity_ordered: 1, item_price: { amount: "16.99", currency: "USD" } }],
  payment: { transaction_id: `mp_txn_${randomUUID().slice(0, 8)}`, card_last_four: "4242" },
  order_total: { amount: "16.99", currency: "USD" },
});

const marketplaceKey = values["marketplace-key"];
if (marketplaceKey) {
  await send("Marketplace order", "/api/v1/orders", json(marketplaceKey, marketplaceOrder("HM-3004")));
  await send("Marketplace order with a typo in its SKU", "/api/v1/orders", json(marketplaceKey, marketplaceOrder("HM-30O4")));
}
const platformKey = values["platform-key"];
if (platformKey) {
  await send(
    "Storefront platform order naming no store",
    "/api/v1/orders",
    json(platformKey, {
      id: Date.now(),
      customer: { first_name: "Ana", last_name: "Ruiz", email: "ana@example.com", phone: "512-555-0199" },
      line_items: [{ sku: "OD-4001", quantity: 1, price: "24.99" }],
      pickup: { method: "curbside" },
      billing_address: { zip: "78701" },
      total_price: "24.99",
      transactions: [{ kind: "authorization", status: "success", authorization: `ch_${randomUUID().slice(0, 8)}`, card_last4: "1881" }],
    }),
  );
}
const secret = values["stock-secret"];
if (secret) {
  const body = JSON.stringify({ storeCode: values.store, messages: [{ id: `count-${randomUUID()}`, sequence: Date.now(), kind: "count", sku: values.sku, quantity: Number(values.count) }] });
  const id = `msg_${randomUUID()}`;
  const at = new Date();
  await send(`Shelf count at ${values.store}: ${values.sku} = ${values.count}`, "/api/v1/stock", {
    method: "POST",
    headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body) },
    body,
  });
}
if (!marketplaceKey && !platformKey && !secret) console.log("Nothing to send: pass --marketplace-key, --platform-key and/or --stock-secret (see /ops/systems).");
