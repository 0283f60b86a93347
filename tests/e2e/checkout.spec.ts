import { expect, test } from "@playwright/test";
import { addToCart, cancelOrder, fillContact, findStores, prepareCheckout } from "./helpers";

test("a new shopper places an order, sees the pickup code, and cancels it", async ({ page }) => {
  await page.goto("/");
  await addToCart(page, "Wireless Mouse");
  await addToCart(page, "Cast Iron Skillet 10 in");
  await addToCart(page, "Spiral Notebooks 3-Pack");
  await expect(page.getByText("3 items in cart")).toBeVisible();
  await page.getByRole("button", { name: "Checkout" }).click();

  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await findStores(page, "78701");
  const stores = page.getByRole("radiogroup", { name: "Pickup store" });
  await expect(stores.getByText("All 3 items available").first()).toBeVisible();
  const firstChoosable = stores.getByRole("radio", { disabled: false }).first();
  await firstChoosable.check();

  await expect(page.getByRole("radio", { name: /In-store pickup/ })).toBeChecked();
  const pickupTime = page.getByRole("combobox", { name: "Pickup time" });
  await expect(pickupTime.locator("option")).not.toHaveCount(1);
  await pickupTime.selectOption({ index: 1 });
  await fillContact(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{20,}\?placed=1$/);
  await expect(page.getByRole("heading", { name: /^Order H-\d{6}$/ })).toBeVisible();
  await expect(page.getByText("Pickup code", { exact: true })).toBeVisible();
  const code = page.getByText("Pickup code", { exact: true }).locator("xpath=following-sibling::dd[1]");
  await expect(code).toHaveText(/^\d{6}$/);
  await expect(page.getByRole("img", { name: /QR code for pickup code/ })).toBeVisible();
  await expect(page.getByText("Status: Order placed")).toBeVisible();
  await expect(page.getByText("0 items in cart")).toBeVisible();

  await cancelOrder(page);
  await expect(page.getByText("Status: Canceled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order", exact: true })).toHaveCount(0);
  await expect(page.getByText(/authorization was\s+released/)).toBeVisible();

  // The link keeps working after a reload: live state comes from the server.
  await page.reload();
  await expect(page.getByText("Status: Canceled")).toBeVisible();
});

test("a store that cannot fill the cart is shown but cannot be chosen", async ({ page }) => {
  await page.goto("/");
  await addToCart(page, "Chef's Knife 8 in"); // none left downtown in the demo stock
  await page.getByRole("button", { name: "Checkout" }).click();
  await findStores(page, "Austin, TX");
  const downtown = page.getByRole("radio", { name: /Downtown Austin/ });
  await expect(downtown).toBeDisabled();
  await expect(page.getByRole("radiogroup", { name: "Pickup store" }).getByText("0 of 1 item", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("radio", { name: /Austin North Lamar/ })).toBeEnabled();
  await expect(page.getByText("Not enough: Chef's Knife 8 in").first()).toBeVisible();
});

test("the shopper's location finds the nearest stores", async ({ page, context }) => {
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ latitude: 39.7392, longitude: -104.9903 }); // downtown Denver
  await page.goto("/");
  await addToCart(page, "Desk Lamp");
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByRole("button", { name: "Use my location" }).click();
  const stores = page.getByRole("radiogroup", { name: "Pickup store" }).getByRole("radio");
  await expect(stores).toHaveCount(2);
  await expect(stores.first()).toHaveAccessibleName(/LoDo Denver/);
  await expect(page.getByText(/stores near your location, nearest first/)).toBeVisible();
});

test("double-clicking Place order creates one order", async ({ page }) => {
  await prepareCheckout(page, ["Printer Paper Ream"]);
  await fillContact(page, "4242 4242 4242 4242");
  const redirects: string[] = [];
  page.on("response", (response) => {
    const target = response.headers()["x-action-redirect"];
    if (response.request().method() === "POST" && target) redirects.push(target.split(";")[0]!);
  });
  // Two submits straight after each other, as a fast double click sends them.
  await page.locator("form").evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page).toHaveURL(/\/orders\//);
  const orderNumber = await page.getByRole("heading", { name: /^Order H-/ }).textContent();
  // Every submission that reached the server was answered with the same order.
  expect(redirects.length).toBeGreaterThan(0);
  expect(new Set(redirects).size).toBe(1);
  expect(new URL(page.url()).pathname).toBe(redirects[0]!.split("?")[0]);
  expect(orderNumber).toMatch(/^Order H-\d{6}$/);
});

test("a declined card explains itself and places nothing", async ({ page }) => {
  await prepareCheckout(page, ["Gel Pens 12-Pack"]);
  await fillContact(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Your card was declined");
  await expect(page).toHaveURL(/\/checkout$/);
  // The form keeps what was typed, so the shopper only changes the card.
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue("riley@example.com");
});

test("an invalid form names each problem", async ({ page }) => {
  await prepareCheckout(page, ["Gel Pens 12-Pack"]);
  await page.getByRole("textbox", { name: "Email" }).fill("nope");
  await page.getByRole("textbox", { name: "Card number" }).fill("1234");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter a 10-digit US phone number.")).toBeVisible();
  await expect(page.getByText("That card number is not valid. Check the digits.")).toBeVisible();
});
