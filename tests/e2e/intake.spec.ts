import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { asStaff } from "./support/staff";

/** An admin creates a sales channel's API key at /ops/systems and reads it from the message. */
async function channelKey(admin: Page, name: string, channel: "Marketplace" | "Storefront platform"): Promise<string> {
  await admin.goto("/ops/systems");
  await admin.getByRole("textbox", { name: "Key name" }).fill(name);
  await admin.getByRole("combobox", { name: "Sales channel" }).selectOption({ label: `${channel}: may send its orders` });
  await admin.getByRole("button", { name: "Create API key" }).click();
  const message = await admin.getByRole("status").filter({ hasText: `Key for ${name}` }).textContent();
  return /(hk_\S+)/.exec(message ?? "")![1]!;
}

const marketplaceOrder = (storeCode: string, sku: string) => ({
  marketplace_order_id: `MP-${randomUUID()}`,
  buyer: { name: "Jordan Lee", email: "jordan@example.com", phone: "512-555-0101" },
  fulfillment: { type: "store_pickup", store_id: storeCode },
  order_items: [{ seller_sku: sku, quantity_ordered: 1, item_price: { amount: "16.99", currency: "USD" } }],
  payment: { transaction_id: `mp_txn_${randomUUID()}`, card_last_four: "4242" },
  order_total: { amount: "16.99", currency: "USD" },
});

const postOrder = (request: APIRequestContext, key: string, body: unknown) => request.post("/api/v1/orders", { headers: { authorization: `Bearer ${key}` }, data: body });

test("channel orders are routed with their reason, and a bad one is fixed and replayed from quarantine", async ({ browser, request }) => {
  const admin = await asStaff(browser, "admin");
  const marketplace = await channelKey(admin, "Marketplace feed", "Marketplace");
  const platform = await channelKey(admin, "Platform feed", "Storefront platform");

  // The marketplace asks for downtown, which has no chef's knife: the order goes elsewhere, and says why.
  const rerouted = await postOrder(request, marketplace, marketplaceOrder("AUS-DT", "KT-2001"));
  expect(rerouted.status()).toBe(201);
  const placed = (await rerouted.json()) as { orderNumber: number; storeCode: string; routing: string };
  expect(placed.storeCode).not.toBe("AUS-DT");
  expect(placed.routing).toContain("(AUS-DT), the store asked for, cannot fill KT-2001");

  // The storefront platform names no store: routed from the customer's ZIP code.
  const platformOrder = {
    id: Date.now(),
    customer: { first_name: "Ana", last_name: "Ruiz", email: "ana@example.com", phone: "5125550199" },
    line_items: [{ sku: "HM-3004", quantity: 1, price: "16.99" }],
    pickup: { method: "in_store" },
    billing_address: { zip: "78701" },
    total_price: "16.99",
    transactions: [{ kind: "authorization", status: "success", authorization: `ch_${randomUUID()}` }],
  };
  const routed = await postOrder(request, platform, platformOrder);
  expect(routed.status()).toBe(201);
  expect(((await routed.json()) as { routing: string }).routing).toContain("because the order named no store");

  // A typo in the SKU: kept in quarantine with the exact reason, not placed.
  const bad = marketplaceOrder("AUS-NL", "HM-30O4");
  const quarantined = await postOrder(request, marketplace, bad);
  expect(quarantined.status()).toBe(422);
  expect(await quarantined.json()).toMatchObject({ status: "quarantined", reasons: [{ path: "order_items.0.seller_sku", message: 'No product has the SKU "HM-30O4".' }] });

  // A manager fixes it and replays it.
  const manager = await asStaff(browser, "manager", "/ops/intake");
  await manager.getByRole("link", { name: "Intake" }).click();
  const entry = manager.getByRole("listitem").filter({ hasText: bad.marketplace_order_id });
  await expect(entry.getByText('No product has the SKU "HM-30O4".')).toBeVisible();
  await entry.getByRole("link", { name: `Fix and replay ${bad.marketplace_order_id}` }).click();
  const payload = manager.getByRole("textbox", { name: "Order as the channel sent it (edit to fix)" });
  await payload.fill((await payload.inputValue()).replace("HM-30O4", "HM-3004"));
  await manager.getByRole("button", { name: "Replay" }).click();
  const result = manager.getByRole("status", { name: "Placed" });
  await expect(result).toContainText(/Placed as H-\d+ at [A-Z]{3}-[A-Z]{2}\./);
  const replayed = /H-(\d+)/.exec((await result.textContent()) ?? "")![1]!;

  // The channel resending it now gets the placed order, and its cascade page shows the routing.
  const resent = await postOrder(request, marketplace, { ...bad, order_items: [{ seller_sku: "HM-3004", quantity_ordered: 1 }] });
  expect(resent.status()).toBe(200);
  expect(await resent.json()).toMatchObject({ status: "accepted", duplicate: true, orderNumber: Number(replayed) });
  await manager.goto(`/ops/orders/${placed.orderNumber}`);
  await expect(manager.getByRole("heading", { name: "Routing" })).toBeVisible();
  await expect(manager.getByText(/the store asked for, cannot fill KT-2001/)).toBeVisible();
});
