import { expect, test } from "@playwright/test";
import { addToCart, expectNoSeriousA11yViolations, findStores } from "./helpers";

test("a store manager pauses pickup orders; shoppers see the store but cannot choose it until it resumes", async ({ browser }) => {
  const tablet = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })).newPage();
  await tablet.goto("/store?store=AUS-SC");
  await tablet.getByRole("textbox", { name: "Email" }).fill("store.manager@handoff.test");
  await tablet.getByRole("textbox", { name: "Password" }).fill("handoff-demo");
  await tablet.getByRole("button", { name: "Sign in" }).click();
  await tablet.getByRole("navigation", { name: "Stores" }).getByRole("link", { name: /South Congress/ }).click();
  await expect(tablet.getByRole("heading", { name: "South Congress", level: 1 })).toBeVisible();

  const panel = tablet.getByRole("region", { name: "Pickup orders" });
  await panel.getByRole("textbox", { name: "Pause reason" }).fill("Staff shortage");
  await panel.getByRole("combobox", { name: "Resume" }).selectOption({ label: "in 2 hours" });
  await panel.getByRole("button", { name: "Pause pickup orders" }).click();
  try {
    await expect(panel.getByRole("status").first()).toContainText("Paused — Staff shortage");
    // Audited: who paused it, when and why.
    await panel.getByText("Recent changes").click();
    await expect(panel.getByRole("list", { name: "Recent changes" }).getByRole("listitem").first()).toContainText("Jamie Store Manager: Paused — Staff shortage, until");
    await expectNoSeriousA11yViolations(tablet);
    await tablet.screenshot({ path: "test-results/store-paused-tablet.png" });

    const shopper = await (await browser.newContext()).newPage();
    await shopper.goto("/");
    await addToCart(shopper, "Chef's Knife 8 in"); // in stock at South Congress: only the pause stops it
    await shopper.getByRole("button", { name: "Checkout" }).click();
    await findStores(shopper, "78704");
    const southCongress = shopper.getByRole("radio", { name: /South Congress/ });
    await expect(southCongress).toBeDisabled();
    const card = shopper.getByRole("radiogroup", { name: "Pickup store" }).locator("div").filter({ has: southCongress }).first();
    await expect(card).toContainText("Not taking pickup orders right now");
    await expect(card).not.toContainText("Not enough");
    await shopper.screenshot({ path: "test-results/store-paused-picker.png", fullPage: true });
  } finally {
    await panel.getByRole("button", { name: "Resume pickup orders" }).click();
  }
  await expect(panel.getByRole("status").first()).toContainText("Taking pickup orders");
  await expect(panel.getByRole("list", { name: "Recent changes" }).getByRole("listitem").first()).toContainText("Jamie Store Manager: Resumed");
});
