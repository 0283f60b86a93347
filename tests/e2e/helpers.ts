import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export async function addToCart(page: Page, productName: string) {
  await page.getByRole("article", { name: productName }).getByRole("button", { name: "Add to cart" }).click();
}

export async function findStores(page: Page, where: string) {
  await page.getByRole("textbox", { name: "ZIP code or city" }).fill(where);
  await page.getByRole("button", { name: "Find stores" }).click();
  await expect(page.getByRole("radiogroup", { name: "Pickup store" })).toBeVisible();
}

export async function fillContact(page: Page, cardNumber: string) {
  await page.getByRole("textbox", { name: "Name" }).fill("Riley Shopper");
  await page.getByRole("textbox", { name: "Email" }).fill("riley@example.com");
  await page.getByRole("textbox", { name: "Phone" }).fill("512-555-0123");
  await page.getByRole("textbox", { name: "Card number" }).fill(cardNumber);
}

/** From an empty cart to a checkout with the first store that has everything and its first pickup time chosen. */
export async function prepareCheckout(page: Page, products: string[], where = "78701") {
  await page.goto("/");
  for (const product of products) await addToCart(page, product);
  await page.getByRole("button", { name: "Checkout" }).click();
  await findStores(page, where);
  await page.getByRole("radiogroup", { name: "Pickup store" }).getByRole("radio", { disabled: false }).first().check();
  await page.getByRole("combobox", { name: "Pickup time" }).selectOption({ index: 1 });
}

/** A placed order at the first store that has everything; returns the order page URL. */
export async function placeOrder(page: Page, products: string[], where = "78701"): Promise<string> {
  await prepareCheckout(page, products, where);
  await fillContact(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\//);
  return page.url();
}

/** A shopper, in a browser context of their own, orders at a named store; returns their order page, number and pickup code. */
export async function orderAtStore(browser: Browser, input: { products: string[]; where: string; store: RegExp; curbside?: boolean }) {
  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto("/");
  for (const product of input.products) await addToCart(shopper, product);
  await shopper.getByRole("button", { name: "Checkout" }).click();
  await findStores(shopper, input.where);
  await shopper.getByRole("radio", { name: input.store }).check();
  if (input.curbside) await shopper.getByRole("radio", { name: /^Curbside pickup/ }).check();
  await shopper.getByRole("combobox", { name: "Pickup time" }).selectOption({ index: 1 });
  await fillContact(shopper, "4242 4242 4242 4242");
  await shopper.getByRole("button", { name: "Place order" }).click();
  await expect(shopper).toHaveURL(/\/orders\//);
  const number = (await shopper.getByRole("heading", { level: 1 }).textContent())!.match(/H-\d+/)![0];
  const code = (await shopper.getByText(/^\d{6}$/).textContent())!;
  return { shopper, number, code };
}

/** "Cancel order" asks first; the shopper confirms. */
export async function cancelOrder(page: Page) {
  await page.getByRole("button", { name: "Cancel order", exact: true }).click();
  await page.getByRole("alertdialog", { name: /^Cancel order H-\d+\?$/ }).getByRole("button", { name: "Yes, cancel order" }).click();
}

/** No serious or critical accessibility violation on the page as it is now (axe). */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}
