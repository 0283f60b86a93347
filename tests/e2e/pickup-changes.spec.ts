import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, orderAtStore } from "./helpers";
import { asStaff } from "./support/staff";

test("the shopper extends the hold once and names someone else to pick up; the store's tablet shows who may collect", async ({ browser }) => {
  const { shopper, number } = await orderAtStore(browser, { products: ["Wireless Earbuds"], where: "78751", store: /Austin North Lamar/ });
  const picking = shopper.getByRole("region", { name: "Picking up" });

  // Up to the retailer's limit (2 days in the demo): the shopper takes one.
  await expect(picking.getByRole("combobox", { name: "Extend by" })).toHaveValue("48");
  await picking.getByRole("combobox", { name: "Extend by" }).selectOption({ label: "1 day" });
  await picking.getByRole("button", { name: "Extend hold" }).click();
  await expect(picking.getByRole("status")).toHaveText("Your hold is extended by 1 day. We emailed you the new time.");
  await expect(picking.getByRole("button", { name: "Extend hold" })).toHaveCount(0);
  await expect(picking).toContainText("You extended the hold once already.");

  await picking.getByRole("button", { name: "Someone else will pick up" }).click();
  await picking.getByRole("textbox", { name: "Their name" }).fill("Jordan Lee");
  await picking.getByRole("button", { name: "Save" }).click();
  await expect(picking.getByRole("status")).toHaveText("Jordan Lee may pick it up. Give them your pickup code.");
  await expect(picking).toContainText("Jordan Lee may pick it up (with your pickup code).");
  await expectNoSeriousA11yViolations(shopper);

  const tablet = await asStaff(browser, "associate", `/store/orders/${number.replace("H-", "")}`, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await expect(async () => {
    await tablet.reload();
    await expect(tablet.getByRole("status").filter({ hasText: "May be collected by Jordan Lee" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
