import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, placeOrder } from "./helpers";
import { orderLinkIn, waitForMail } from "./support/inbox";


test("a shopper who closed the tab gets back to the order: the link in the confirmation email, and Find my order sending it again", async ({ page, browser }) => {
  const url = await placeOrder(page, ["Hand Soap Refill"]);
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/H-\d+/)![0];
  const orderPage = url.replace("?placed=1", "");

  // The confirmation, as it arrived at the mail server, links to the order page.
  const confirmation = await waitForMail(new RegExp(`^Order ${number} is confirmed`));
  expect(orderLinkIn(confirmation)).toBe(orderPage);
  expect(confirmation.html).toBeTruthy();
  expect(confirmation.text).toContain("pickup counter");

  // Later, on another device, with nothing but the order number and the email.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/");
  await other.getByRole("link", { name: "Find my order" }).click();
  await expect(other.getByRole("heading", { name: "Find my order" })).toBeVisible();
  await other.getByRole("button", { name: "Send my order link" }).click();
  await expect(other.getByRole("textbox", { name: "Order number" })).toBeFocused(); // focus lands on the first problem
  await expectNoSeriousA11yViolations(other);

  await other.getByRole("textbox", { name: "Order number" }).fill(number);
  await other.getByRole("textbox", { name: "Email or phone" }).fill("RILEY@example.com");
  await other.getByRole("button", { name: "Send my order link" }).click();
  await expect(other.getByRole("status")).toContainText(`If ${number} was placed with that email or phone, we've just sent its link there.`);

  const again = await waitForMail(new RegExp(`^Your order ${number} at `));
  await other.goto(orderLinkIn(again));
  await expect(other.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
  await expect(other.getByText("Pickup code", { exact: true })).toBeVisible();
  await expect(other.getByRole("link", { name: "Add to calendar" })).toHaveAttribute("href", /\/calendar$/);
  await expect(other.getByRole("link", { name: "Directions" })).toHaveAttribute("href", /^https:\/\/www\.google\.com\/maps\/dir\//);
  await expect(other.getByRole("link", { name: /^\(\d{3}\) \d{3}-\d{4}$/ })).toHaveAttribute("href", /^tel:/);
  const calendar = await other.request.get(`${orderLinkIn(again)}/calendar`);
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  expect(await calendar.text()).toContain(`SUMMARY:Pick up order ${number}`);

  // Someone who does not know the email is told the same thing, and nothing is sent.
  await other.goto("/find-order");
  await other.getByRole("textbox", { name: "Order number" }).fill(number);
  await other.getByRole("textbox", { name: "Email or phone" }).fill("stranger@example.com");
  await other.getByRole("button", { name: "Send my order link" }).click();
  await expect(other.getByRole("status")).toContainText(`If ${number} was placed with that email or phone, we've just sent its link there.`);
});

test("Cancel order asks before it cancels", async ({ page }) => {
  await placeOrder(page, ["Sunscreen SPF 50"]);
  await page.getByRole("button", { name: "Cancel order", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: /^Cancel order H-\d+\?$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep my order" })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep my order" }).click();
  await expect(page.getByText("Status: Order placed")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Status: Order placed")).toBeVisible();
});
