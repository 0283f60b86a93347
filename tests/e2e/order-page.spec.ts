import { expect, test } from "@playwright/test";
import { cancelOrder, placeOrder } from "./helpers";

test("the order page follows the order without a reload", async ({ page, context }) => {
  const url = await placeOrder(page, ["Hand Soap Refill"]);
  await expect(page.getByText("Status: Order placed")).toBeVisible();

  // The same order open in a second tab is canceled there; the first tab catches up by itself.
  const other = await context.newPage();
  await other.goto(url.replace("?placed=1", ""));
  await cancelOrder(other);
  await expect(other.getByText("Status: Canceled")).toBeVisible();

  await expect(page.getByText("Status: Canceled")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Pickup code", { exact: true })).toHaveCount(0);
});

test("an unknown order link is not found", async ({ page }) => {
  const response = await page.goto("/orders/this-is-not-a-real-order-token");
  expect(response?.status()).toBe(404);
});

test.describe("in a browser on the other side of the world", () => {
  test.use({ timezoneId: "Pacific/Auckland" });

  test("pickup times are shown in the store's own time zone", async ({ page }) => {
    await placeOrder(page, ["Sunscreen SPF 50"]);
    await expect(page.getByText(/^(Today|Tomorrow|\w+day, \w+ \d+) \d{1,2}:\d{2} [AP]M C[SD]T$/).first()).toBeVisible();
    await expect(page.getByText(/NZ[DS]T|GMT\+1[23]/)).toHaveCount(0);
  });
});
