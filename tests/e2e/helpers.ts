import { expect, type Page } from "@playwright/test";

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
