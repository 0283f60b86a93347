import { expect, test } from "@playwright/test";
import { addToCart, placeOrder } from "./helpers";

const COMMON = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

test("every kind of page and route carries the security headers, and pages a fresh CSP nonce", async ({ page, request }) => {
  const orderPage = new URL(await placeOrder(page, ["Hand Soap Refill"])).pathname;
  const pages = ["/", "/checkout", "/find-order", orderPage, "/sign-in", "/store", "/ops", "/ops/kpis", "/no-such-page"];
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect([path, headers]).toEqual([path, expect.objectContaining(COMMON)]);
    expect(headers["permissions-policy"]).toContain("camera=()");
    const policy = headers["content-security-policy"] ?? "";
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(pages.length); // one per request, never reused

  for (const path of ["/api/health", `${orderPage}/calendar`]) {
    const response = await request.get(path);
    expect([path, response.headers()]).toEqual([path, expect.objectContaining(COMMON)]);
  }
});

test("pages still run their scripts under the policy: nothing is refused", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/");
  await addToCart(page, "Desk Lamp");
  await expect(page.getByText("1 item in cart")).toBeVisible();
  await page.getByRole("button", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await page.goto("/find-order");
  await page.getByRole("button", { name: "Send my order link" }).click();
  await expect(page.getByRole("textbox", { name: "Order number" })).toBeFocused();
  expect(refused).toEqual([]);
});
