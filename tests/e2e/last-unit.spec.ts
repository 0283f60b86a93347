import { expect, test, type Page } from "@playwright/test";
import { addToCart, cancelOrder, expectNoSeriousA11yViolations, fillContact, findStores } from "./helpers";

async function checkoutWithEarbuds(page: Page) {
  await page.goto("/");
  await addToCart(page, "Wireless Earbuds"); // the demo's Downtown Austin has exactly one
  await page.getByRole("button", { name: "Checkout" }).click();
  await findStores(page, "78701");
}

test("the first shopper to choose a store holds its last unit: nobody else is promised it, and the holder places the order", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  await checkoutWithEarbuds(first);
  await first.getByRole("radio", { name: /Downtown Austin/ }).check();
  const held = first.getByRole("status").filter({ hasText: "Held for you until" });
  await expect(held).toBeVisible();
  await expect(held).toContainText(/Held for you until \d{1,2}:\d{2} [AP]M/);
  await expect(held).toContainText("Nobody else can take these items at Downtown Austin while you check out.");
  await expectNoSeriousA11yViolations(first);
  await first.screenshot({ path: "test-results/checkout-hold.png", fullPage: true });

  // A second shopper looking now is shown Downtown as unable to fill the cart (the storefront follows the hold over the bus).
  const second = await (await browser.newContext()).newPage();
  await checkoutWithEarbuds(second);
  await expect(async () => {
    await second.getByRole("button", { name: "Find stores" }).click();
    await expect(second.getByRole("radio", { name: /Downtown Austin/ })).toBeDisabled({ timeout: 1_000 });
  }).toPass();
  await expect(second.getByRole("radio", { name: /Austin North Lamar/ })).toBeEnabled();

  // The holder takes their time and still gets it.
  const pickupTime = first.getByRole("combobox", { name: "Pickup time" });
  await expect(pickupTime.locator("option")).not.toHaveCount(1);
  await pickupTime.selectOption({ index: 1 });
  await fillContact(first, "4242 4242 4242 4242");
  await first.getByRole("button", { name: "Place order" }).click();
  await expect(first).toHaveURL(/\/orders\//);
  await expect(first.getByText("Status: Order placed")).toBeVisible();

  // Give the unit back, so the demo stock is as it was.
  await cancelOrder(first);
  await expect(first.getByText("Status: Canceled")).toBeVisible();
});

test("a shopper choosing a store another checkout holds is told so and offered stores that have it", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  // Both see the unit before either chooses.
  await checkoutWithEarbuds(first);
  await checkoutWithEarbuds(second);
  await first.getByRole("radio", { name: /Downtown Austin/ }).check();
  await expect(first.getByRole("status").filter({ hasText: "Held for you until" })).toBeVisible();

  await second.getByRole("radio", { name: /Downtown Austin/ }).check();
  await expect(second.getByRole("alert").filter({ hasText: "Wireless Earbuds just sold out at Downtown Austin." })).toBeVisible();
  await expect(second.getByRole("status").filter({ hasText: "Held for you until" })).toHaveCount(0);
  // Trying anyway gets the same answer, with the stores that can fill the cart; nothing is charged.
  await second.getByRole("combobox", { name: "Pickup time" }).selectOption({ index: 1 });
  await fillContact(second, "4242 4242 4242 4242");
  await second.getByRole("button", { name: "Place order" }).click();
  const alert = second.locator("#checkout-error");
  await expect(alert).toContainText("Wireless Earbuds just sold out at Downtown Austin. Pick another store or remove it from your cart.");
  await expect(alert).toContainText("These stores can fill your whole cart:");
  await expect(second.getByRole("radio", { name: /Downtown Austin/ })).toBeDisabled();

  await alert.getByRole("button", { name: /^Choose / }).first().click();
  await expect(second.getByRole("status").filter({ hasText: "Held for you until" })).toBeVisible();
  await expect(second.getByRole("combobox", { name: "Pickup time" }).locator("option")).not.toHaveCount(1);
  await second.getByRole("combobox", { name: "Pickup time" }).selectOption({ index: 1 });
  await second.getByRole("button", { name: "Place order" }).click();
  await expect(second).toHaveURL(/\/orders\//);
  await expect(second.getByText("Status: Order placed")).toBeVisible();
  await cancelOrder(second);
  await expect(second.getByText("Status: Canceled")).toBeVisible();

  // The first shopper's hold becomes their order; canceling it leaves the demo stock as it was.
  await first.getByRole("combobox", { name: "Pickup time" }).selectOption({ index: 1 });
  await fillContact(first, "4242 4242 4242 4242");
  await first.getByRole("button", { name: "Place order" }).click();
  await expect(first).toHaveURL(/\/orders\//);
  await cancelOrder(first);
  await expect(first.getByText("Status: Canceled")).toBeVisible();
});
