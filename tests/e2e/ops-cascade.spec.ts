import { expect, test, type Browser, type Page } from "@playwright/test";
import { cancelOrder, orderAtStore } from "./helpers";
import { clearFault, injectFault } from "./support/faults";
import { asStaff } from "./support/staff";

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/ops");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fops/);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill("handoff-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("staff sign-in refuses a wrong password, shows managers ops read-only and keeps associates out", async ({ page, browser }) => {
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "Email" }).fill("admin@handoff.test");
  await page.getByRole("textbox", { name: "Password" }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

  const manager = await signIn(browser, "manager@handoff.test");
  await expect(manager.getByRole("heading", { name: "Integration bus" })).toBeVisible();
  await manager.getByRole("link", { name: "Faults" }).click();
  await expect(manager.getByRole("heading", { name: "Fault injection" })).toBeVisible();
  await expect(manager.getByRole("button", { name: "Inject fault" })).toHaveCount(0); // managers look, admins change

  const associate = await signIn(browser, "associate@handoff.test");
  await expect(associate).toHaveURL(/\/sign-in\?next=%2Fops&denied=1/);
  await expect(associate.getByText("Your account cannot open that page.")).toBeVisible();
});

test("an admin breaks the OMS → storefront cancellation route (seed 001, C1), sees the stale order, then heals it", async ({ browser }) => {
  const admin = await asStaff(browser, "admin");
  await expect(admin.getByRole("heading", { name: "Integration bus" })).toBeVisible();
  await injectFault(admin, { boundary: "OMS>STOREFRONT", eventType: "order.canceled", kind: "DROP", storeCode: "AUS-RR" });

  // A shopper orders at Round Rock and cancels.
  const { shopper, number: orderNumber } = await orderAtStore(browser, { products: ["Folding Camp Chair"], where: "78681", store: /Round Rock/ });
  await expect(shopper.getByText("Status: Order placed")).toBeVisible();
  await cancelOrder(shopper);

  // The OMS canceled it, but the storefront never heard: the shopper still sees it active.
  await shopper.waitForTimeout(5_000);
  await expect(shopper.getByText("Status: Order placed")).toBeVisible();

  await admin.getByRole("link", { name: "Dead letters" }).click();
  const row = admin.getByRole("row").filter({ hasText: orderNumber });
  await expect(row).toContainText("OMS → STOREFRONT");
  await expect(row).toContainText("order.canceled");
  await expect(row).toContainText("dropped (injected)");

  await clearFault(admin, "AUS-RR");
  await admin.getByRole("link", { name: "Dead letters" }).click();
  await row.getByRole("checkbox").check();
  await admin.getByRole("button", { name: "Replay selected" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "1 delivery queued again." })).toBeVisible();

  await expect(shopper.getByText("Status: Canceled")).toBeVisible({ timeout: 15_000 });
  await admin.getByRole("link", { name: "Notifications" }).click();
  await expect(admin.getByRole("row").filter({ hasText: `Order ${orderNumber} is canceled` })).toBeVisible();
});

test("a manager finds a stuck order, reads its failure node and re-syncs it once the fault is cleared", async ({ browser }) => {
  const admin = await asStaff(browser, "admin");
  await injectFault(admin, { boundary: "OMS>STOREFRONT", eventType: "order.canceled", kind: "WRONG_TYPE", storeCode: "AUS-RR" });

  const { shopper, number } = await orderAtStore(browser, { products: ["Folding Camp Chair"], where: "78681", store: /Round Rock/ });
  await cancelOrder(shopper);

  // The storefront refuses the mistyped event: the order is stuck at once, at seed 001's node 1.
  const manager = await asStaff(browser, "manager");
  await expect(manager.getByRole("heading", { name: "Stuck orders" })).toBeVisible();
  const stuckRow = manager.getByRole("row").filter({ hasText: number });
  await expect(async () => {
    await manager.reload();
    await expect(stuckRow).toContainText("Cancellation node 1 — OMS → storefront cancellation never arrived", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(stuckRow).toContainText("OMS event routing");
  await stuckRow.getByRole("link", { name: number }).click();
  await expect(manager.getByRole("alert", { name: "Failure node" })).toContainText("Fix lane: OMS event routing");
  await expect(manager.getByRole("region", { name: "OMS" })).toContainText("Status: canceled");
  await expect(manager.getByRole("region", { name: "STOREFRONT" })).toContainText("Order view: placed");

  await clearFault(admin, "AUS-RR");

  await manager.getByRole("button", { name: "Re-sync" }).click();
  await expect(manager.getByRole("status").filter({ hasText: /re-synced: \d+ deliver(y|ies) sent again and confirmed\./ })).toBeVisible({ timeout: 25_000 });
  await expect(async () => {
    await manager.reload();
    await expect(manager.getByText("Every step so far arrived or is within its deadline.")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(manager.getByRole("region", { name: "STOREFRONT" })).toContainText("Order view: canceled");
  await expect(shopper.getByText("Status: Canceled")).toBeVisible({ timeout: 10_000 });

  // Search finds it by number.
  await manager.getByRole("link", { name: "Overview" }).click();
  await manager.getByRole("searchbox", { name: "Find an order" }).fill(number);
  await manager.getByRole("button", { name: "Search" }).click();
  await expect(manager).toHaveURL(new RegExp(`/ops/orders/${number.replace("H-", "")}$`));
});

test("a manager re-syncs every stuck order from the overview once the fault is cleared", async ({ browser }) => {
  const admin = await asStaff(browser, "admin");
  await injectFault(admin, { boundary: "OMS>NOTIFICATION", eventType: "order.canceled", kind: "CORRUPT", storeCode: "AUS-RR" });
  const numbers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { shopper, number } = await orderAtStore(browser, { products: ["Folding Camp Chair"], where: "78681", store: /Round Rock/ });
    await cancelOrder(shopper);
    await expect(shopper.getByText("Status: Canceled")).toBeVisible({ timeout: 10_000 });
    numbers.push(number);
  }
  await clearFault(admin, "AUS-RR");

  const manager = await asStaff(browser, "manager");
  for (const number of numbers) await expect(manager.getByRole("row").filter({ hasText: number })).toContainText("Cancellation step 5");
  await manager.getByRole("button", { name: "Re-sync all stuck orders" }).click();
  await expect(manager.getByRole("status").filter({ hasText: /^Re-synced \d+ orders?: arrival confirmed\.$/ })).toBeVisible({ timeout: 25_000 });
  await expect(async () => {
    await manager.reload();
    for (const number of numbers) await expect(manager.getByRole("row").filter({ hasText: number })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test("a manager runs reconciliation on demand and reads its report", async ({ browser }) => {
  const manager = await asStaff(browser, "manager");
  await manager.getByRole("link", { name: "Reconciliation" }).click();
  await manager.getByRole("button", { name: "Run reconciliation now" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "Reconciliation started." })).toBeVisible();
  await expect(manager.getByRole("progressbar", { name: "Reconciliation progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 20_000 });
  await expect(manager.getByRole("row").filter({ hasText: "manual" }).first()).toContainText("done");
});

test("a manager uploads five systems' logs and reads the cascade map", async ({ browser }) => {
  const manager = await asStaff(browser, "manager");
  await manager.getByRole("link", { name: "Upload logs" }).click();
  const at = (second: number) => new Date(Date.UTC(2026, 10, 20, 15, 0, second)).toISOString();
  const lines = [
    ...["oms", "wms", "pos", "storefront", "notification"].map((system, i) => ({ system, event: "order.created", order: "EXT-9", at: at(i) })),
    { system: "pos", event: "order.canceled", order: "EXT-9", at: at(10) },
    { system: "pos", event: "order.canceled", direction: "sent", order: "EXT-9", at: at(11) },
    { system: "mainframe", event: "order.created", order: "EXT-9", at: at(12) },
  ];
  await manager.getByLabel("Log file (NDJSON or CSV)").setInputFiles({ name: "logs.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(lines.map((line) => JSON.stringify(line)).join("\n")) });
  await manager.getByRole("button", { name: "Upload logs" }).click();
  await expect(manager.getByRole("status")).toContainText("7 lines read for 1 order: 1 broken");
  await expect(manager.getByRole("row").filter({ hasText: "EXT-9" })).toContainText("Cancellation node 3 — POS → OMS cancellation write-back failed");
  await expect(manager.getByRole("row").filter({ hasText: "got \"mainframe\"" })).toContainText("8");
});

test("a manager reads the KPIs as charts, across stores and for one store", async ({ browser }) => {
  await orderAtStore(browser, { products: ["Wireless Earbuds"], where: "78751", store: /Austin North/ });
  const manager = await asStaff(browser, "manager");
  await manager.getByRole("link", { name: "KPIs" }).click();
  await expect(manager.getByRole("img", { name: /^Orders placed: [1-9]\d* orders, last 24 hours/ })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "By store" })).toBeVisible();
  await manager.getByRole("combobox", { name: "Store" }).selectOption("AUS-NL");
  await manager.getByRole("combobox", { name: "Period" }).selectOption("7d");
  await manager.getByRole("button", { name: "Show" }).click();
  await expect(manager.getByRole("heading", { name: "KPIs · Austin North Lamar" })).toBeVisible();
  await expect(manager.getByText("Per day, in the store's time zone (America/Chicago).")).toBeVisible();
  await expect(manager.getByRole("img", { name: /^Orders placed: [1-9]\d* orders, last 7 days/ })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "By store" })).toHaveCount(0);
});
