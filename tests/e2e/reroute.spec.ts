import { expect, test, type Browser } from "@playwright/test";
import { expectNoSeriousA11yViolations, orderAtStore } from "./helpers";
import { asStaff } from "./support/staff";

// A landscape tablet for the associate; the shopper on their own browser.
test.use({ viewport: { width: 1280, height: 800 } });

/** The store's associate starts picking the order and finds one unit of `product` damaged. */
async function startPickingWithOneShort(browser: Browser, number: string, product: string) {
  const tablet = await asStaff(browser, "associate", `/store/orders/${number.replace("H-", "")}`, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await tablet.getByRole("button", { name: "Start picking" }).click();
  await tablet.getByRole("button", { name: `Mark ${product} short` }).click();
  await tablet.getByRole("spinbutton", { name: "Units short" }).fill("1");
  await tablet.getByRole("combobox", { name: "Short reason" }).selectOption({ label: "Not found" });
  await expect(tablet.getByText("Stock: Shows as out of stock at this store until the next count.")).toBeVisible();
  // The associate sees what each reason does to the shelf before confirming.
  await tablet.getByRole("combobox", { name: "Short reason" }).selectOption({ label: "Damaged" });
  await expect(tablet.getByText("Stock: Taken off on-hand.")).toBeVisible();
  await tablet.getByRole("button", { name: "Confirm short" }).click();
}

test("an associate rejects an order, the shopper accepts the new store, and that store's tablet hands it over", async ({ browser }) => {
  const { shopper, number, code } = await orderAtStore(browser, { products: ["Chef's Knife 8 in", "Remote Control Car"], where: "78751", store: /Austin North Lamar/ });
  const tablet = await asStaff(browser, "associate", `/store/orders/${number.replace("H-", "")}`, { viewport: { width: 1280, height: 800 }, hasTouch: true });

  // Austin North Lamar cannot fill it.
  await tablet.getByRole("combobox", { name: "Reason", exact: true }).selectOption("Items not in stock");
  await tablet.getByRole("button", { name: "Reject order" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Rejected — Items not in stock. It goes to another store, or is canceled, as the retailer chose" })).toBeVisible();

  // The retailer asks the shopper first (the demo's setting): the order page offers the next store.
  const offer = shopper.getByRole("region", { name: /^Pick up at .+ instead\?$/ });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(shopper.getByText("Status: Waiting for your answer")).toBeVisible();
  await expect(offer).toContainText("Austin North Lamar cannot fill your order (items not in stock)");
  await expectNoSeriousA11yViolations(shopper);
  const newStore = (await offer.getByRole("heading").textContent())!.match(/^Pick up at (.+?) by /)![1]!;
  await shopper.screenshot({ path: "test-results/reroute-offer.png", fullPage: true });
  await offer.getByRole("button", { name: "Accept new store" }).click();
  await expect(shopper.getByText(`Your order is moving to ${newStore}`)).toBeVisible();
  await expect(shopper.getByRole("status").filter({ hasText: `Moved to ${newStore}` })).toBeVisible({ timeout: 15_000 });
  await expect(shopper.getByRole("heading", { name: new RegExp(`pickup at ${newStore}$`) })).toBeVisible();

  // The new store's queue has it, saying where it came from; its associate picks it and hands it over
  // (a manager's tablet: the demo associate works two other stores).
  const newTablet = await asStaff(browser, "manager", `/store/orders/${number.replace("H-", "")}`, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await expect(async () => {
    await newTablet.reload();
    await expect(newTablet.getByText("Rerouted from Austin North Lamar")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await newTablet.screenshot({ path: "test-results/reroute-new-store-tablet.png", fullPage: true });
  await expect(newTablet.getByText("New", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(newTablet);
  await newTablet.getByRole("button", { name: "Start picking" }).click();
  for (const product of ["Chef's Knife 8 in", "Remote Control Car"]) {
    await newTablet.getByRole("button", { name: `Picked one ${product}` }).click();
    await expect(newTablet.getByRole("status").filter({ hasText: `${product}: 1 of 1 picked.` })).toBeVisible();
  }
  await newTablet.getByRole("textbox", { name: "Staging bin" }).fill("B-7");
  await newTablet.getByRole("button", { name: "Stage" }).click();
  await expect(newTablet.getByText("Staged in bin B-7")).toBeVisible();
  await newTablet.getByRole("button", { name: "Mark ready" }).click();
  await expect(shopper.getByText("Status: Ready for pickup")).toBeVisible({ timeout: 15_000 });
  await newTablet.getByRole("button", { name: "Hand over" }).click();
  await newTablet.getByRole("textbox", { name: "Pickup code" }).fill(code);
  await newTablet.getByRole("button", { name: "Confirm pickup" }).click();
  await expect(newTablet.getByRole("status").filter({ hasText: "Handed over" })).toBeVisible();
  await expect(shopper.getByText("Status: Picked up")).toBeVisible({ timeout: 15_000 });
});

test("a line runs short while the store picks: the shopper is offered a store with the whole order, and accepting moves it there", async ({ browser }) => {
  const { shopper, number } = await orderAtStore(browser, { products: ["Desk Lamp", "Desk Lamp"], where: "78751", store: /Austin North Lamar/ });
  await expect(shopper.getByText(/Desk Lamp\s*× 2/)).toBeVisible();
  await startPickingWithOneShort(browser, number, "Desk Lamp");

  // The store carries on with one lamp; the shopper may take the whole order elsewhere instead.
  const offer = shopper.getByRole("region", { name: /^Pick up at .+ instead\?$/ });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText("Austin North Lamar could not find everything (1 × Desk Lamp damaged) and carries on with the rest.");
  await expect(shopper.getByText("1 not available at the store — not charged")).toBeVisible();
  await expectNoSeriousA11yViolations(shopper);
  const newStore = (await offer.getByRole("heading").textContent())!.match(/^Pick up at (.+?) by /)![1]!;
  await offer.getByRole("button", { name: "Accept new store" }).click();
  await expect(shopper.getByRole("status").filter({ hasText: `Moved to ${newStore}` })).toBeVisible({ timeout: 15_000 });
  await expect(shopper.getByRole("status").filter({ hasText: "Everything you ordered is collected there." })).toBeVisible();
  await expect(shopper.getByText(/Desk Lamp\s*× 2/)).toBeVisible();
  await shopper.screenshot({ path: "test-results/short-offer-moved.png", fullPage: true });
});

test("no store has the whole order: the item that ran short is offered alone at another store, and accepting makes it an order of its own there", async ({ browser }) => {
  // The demo's garden hoses are stocked at Austin North Lamar only, so this order can move nowhere whole.
  const { shopper, number } = await orderAtStore(browser, { products: ["Garden Hose 50 ft", "Scented Candle"], where: "78751", store: /Austin North Lamar/ });
  await startPickingWithOneShort(browser, number, "Scented Candle");

  const offer = shopper.getByRole("region", { name: /^Get the missing items at .+\?$/ });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await expect(offer).toContainText("No store nearby has your whole order");
  await expect(offer).toContainText("has 1 × Scented Candle: collect it there as a second order");
  await expectNoSeriousA11yViolations(shopper);
  const otherStore = (await offer.getByRole("heading").textContent())!.match(/^Get the missing items at (.+?) by /)![1]!;
  await offer.getByRole("button", { name: "Accept new store" }).click();
  await expect(shopper.getByText(new RegExp(`^The missing items are now order H-\\d+ at ${otherStore}`))).toBeVisible();
  const banner = shopper.getByRole("status").filter({ hasText: `Some items are coming from ${otherStore}` });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(shopper.getByText(/1 coming from another store \(order H-\d+\) — not charged here/)).toBeVisible();
  await expect(shopper.getByText(/Garden Hose 50 ft\s*× 1/)).toBeVisible();
  await shopper.screenshot({ path: "test-results/split-first-order.png", fullPage: true });

  // The second order has a page, a pickup code and a queue entry of its own at the other store.
  const link = banner.getByRole("link", { name: /^order H-\d+$/ });
  const second = (await link.textContent())!.replace("order ", "");
  await link.click();
  await expect(shopper.getByRole("heading", { level: 1, name: `Order ${second}` })).toBeVisible();
  await expect(shopper.getByRole("status").filter({ hasText: `Part of order ${number}` })).toBeVisible();
  await expect(shopper.getByRole("heading", { name: new RegExp(`pickup at ${otherStore}$`) })).toBeVisible();
  await expect(shopper.getByText(/^\d{6}$/)).toBeVisible();
  await expectNoSeriousA11yViolations(shopper);
  const otherTablet = await asStaff(browser, "manager", `/store/orders/${second.replace("H-", "")}`, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await expect(async () => {
    await otherTablet.reload();
    await expect(otherTablet.getByText(`Split from ${number} at Austin North Lamar`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(otherTablet.getByText("Scented Candle", { exact: true })).toBeVisible();
  await otherTablet.screenshot({ path: "test-results/split-second-tablet.png", fullPage: true });
});
