import { expect, test, type Page } from "@playwright/test";
import { addToCart, cancelOrder, fillContact, findStores } from "./helpers";

async function checkoutAtDowntown(page: Page) {
  await page.goto("/");
  await addToCart(page, "Wireless Earbuds"); // the demo's Downtown Austin has exactly one
  await page.getByRole("button", { name: "Checkout" }).click();
  await findStores(page, "78701");
  await page.getByRole("radio", { name: /Downtown Austin/ }).check();
  // The latest window: the other shopper's order moves ready-by later, which can take the earliest off the list.
  const pickupTime = page.getByRole("combobox", { name: "Pickup time" });
  await expect(pickupTime.locator("option")).not.toHaveCount(1);
  await pickupTime.selectOption({ index: (await pickupTime.locator("option").count()) - 1 });
  await fillContact(page, "4242 4242 4242 4242");
}

test("when another shopper takes the last unit first, the checkout says so and offers stores that have it", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await checkoutAtDowntown(first);
  await checkoutAtDowntown(second);

  await first.getByRole("button", { name: "Place order" }).click();
  await expect(first).toHaveURL(/\/orders\//);

  await second.getByRole("button", { name: "Place order" }).click();
  const alert = second.locator("form").getByRole("alert");
  await expect(alert).toContainText("Wireless Earbuds just sold out at Downtown Austin. Pick another store or remove it from your cart.");
  await expect(alert).toContainText("These stores can fill your whole cart:");
  // The store list is refreshed: downtown can no longer fill the cart.
  await expect(second.getByRole("radio", { name: /Downtown Austin/ })).toBeDisabled();
  await expect(second.getByRole("radio", { name: /Downtown Austin/ })).not.toBeChecked();
  await expect(second.getByRole("button", { name: "Place order" })).toBeDisabled();

  await alert.getByRole("button", { name: /^Choose / }).first().click();
  await expect(second.getByRole("combobox", { name: "Pickup time" }).locator("option")).not.toHaveCount(1);
  await second.getByRole("combobox", { name: "Pickup time" }).selectOption({ index: 1 });
  await second.getByRole("button", { name: "Place order" }).click();
  await expect(second).toHaveURL(/\/orders\//);
  await expect(second.getByText("Status: Order placed")).toBeVisible();

  // Give the unit back, so the demo stock is as it was.
  await cancelOrder(first);
  await expect(first.getByText("Status: Canceled")).toBeVisible();
});
