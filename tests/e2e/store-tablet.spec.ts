import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, orderAtStore } from "./helpers";
import { asStaff } from "./support/staff";

// A landscape tablet, as the store app is used.
test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true });

async function signInAtStore(browser: Browser, email = "associate@handoff.test"): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })).newPage();
  await page.goto("/store");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstore/);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill("handoff-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("tablist", { name: "Orders by stage" })).toBeVisible();
  return page;
}

/** A tablet already signed in as the role's demo account, on its queue. */
async function tabletAs(browser: Browser, role: "associate" | "manager"): Promise<Page> {
  const page = await asStaff(browser, role, "/store", { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await expect(page.getByRole("tablist", { name: "Orders by stage" })).toBeVisible();
  return page;
}

/** A shopper's curbside order at Austin North Lamar (one of the demo associate's stores). */
const placeCurbsideOrder = (browser: Browser, products: string[]) => orderAtStore(browser, { products, where: "78751", store: /Austin North Lamar/, curbside: true });


test("an associate takes a curbside order from the queue to picked up, confirmed through the bus and audited", async ({ browser }) => {
  const tablet = await signInAtStore(browser);
  await tablet.getByRole("link", { name: "AUS-NL" }).click();
  const { shopper, number, code } = await placeCurbsideOrder(browser, ["Chef's Knife 8 in", "Remote Control Car"]);

  // The new order arrives without a reload.
  const card = tablet.getByRole("listitem").filter({ has: tablet.getByRole("heading", { name: new RegExp(number) }) });
  await expect(card).toBeVisible({ timeout: 8_000 });
  await expect(card.getByText("On track")).toBeVisible();
  await expectNoSeriousA11yViolations(tablet);
  await card.getByRole("button", { name: "Start picking" }).click();
  await expect(tablet.getByRole("heading", { name: new RegExp(number) })).toBeVisible();
  await expect(tablet.getByText("Picking", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(tablet);

  // Pick by scanning: a wedge scanner types the barcode and Enter into the focused field.
  const scan = tablet.getByRole("textbox", { name: "Scan barcode" });
  await expect(scan).toBeFocused();
  await scan.pressSequentially("0000000000000");
  await scan.press("Enter");
  await expect(tablet.getByRole("alert").filter({ hasText: "is not on order" })).toBeVisible();
  for (const barcode of await tablet.locator("li .font-mono").allTextContents()) {
    await scan.pressSequentially(barcode);
    await scan.press("Enter");
    await expect(tablet.getByRole("status").filter({ hasText: "1 of 1 picked" })).toBeVisible();
  }
  await expect(tablet.getByText("1 of 1 picked", { exact: true })).toHaveCount(2);

  await tablet.getByRole("textbox", { name: "Staging bin" }).fill("a-12");
  await tablet.getByRole("button", { name: "Stage" }).click();
  await expect(tablet.getByText("Staged in bin A-12")).toBeVisible();
  await tablet.getByRole("button", { name: "Mark ready" }).click();
  await expect(tablet.getByRole("button", { name: "Hand over" })).toBeVisible();

  // The shopper sees "ready" once the OMS and storefront have it, and checks in.
  await expect(shopper.getByText("Status: Ready for pickup")).toBeVisible({ timeout: 10_000 });
  await shopper.getByRole("textbox", { name: "Parking bay" }).fill("4");
  await shopper.getByRole("textbox", { name: /Car description/ }).fill("Red Honda Civic");
  await shopper.getByRole("button", { name: "I'm here" }).click();
  await expect(shopper.getByText("the store has been told you're here")).toBeVisible();
  await expectNoSeriousA11yViolations(shopper);

  // The arrival shows on the queue within seconds, under Curbside with an alert.
  await tablet.getByRole("link", { name: "Queue" }).click();
  await expect(tablet.getByRole("alert").filter({ hasText: `A customer is waiting: ${number} (bay 4)` })).toBeVisible({ timeout: 8_000 });
  await tablet.getByRole("tab", { name: "Curbside" }).click();
  const waiting = tablet.getByRole("tabpanel", { name: "Curbside" }).getByRole("listitem");
  await expect(waiting).toContainText("Bay 4 · Red Honda Civic");
  await waiting.getByRole("link", { name: new RegExp(number) }).click();

  // For a customer who checked in, the handover form is already open.
  await expect(tablet.getByRole("textbox", { name: "Pickup code" })).toBeVisible();
  await tablet.getByRole("textbox", { name: "Pickup code" }).fill(code);
  await tablet.getByRole("checkbox", { name: "ID checked" }).check();
  await tablet.getByRole("button", { name: "Confirm pickup" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Handed over" })).toBeVisible();

  // The OMS applies the pickup from the bus; the shopper's page follows.
  await expect(shopper.getByText("Status: Picked up")).toBeVisible({ timeout: 10_000 });
  await tablet.getByRole("link", { name: "Queue" }).click();
  await tablet.getByRole("tab", { name: "Done today" }).click();
  await expect(tablet.getByRole("tabpanel", { name: "Done today" }).getByRole("heading", { name: new RegExp(number) })).toBeVisible();

  // A manager reads the handover in the audit log.
  const manager = await signInAtStore(browser, "manager@handoff.test");
  await manager.getByRole("link", { name: "Audit log" }).click();
  const row = manager.getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("Handed over");
  await expect(row).toContainText("Sam Associate");
  await expect(row).toContainText("pickup code + id check");
});

test("five wrong pickup codes lock the handover until a manager unlocks it", async ({ browser }) => {
  const { number, code } = await placeCurbsideOrder(browser, ["Wireless Earbuds"]);
  const tablet = await tabletAs(browser, "associate");
  await tablet.goto(`/store/orders/${number}`);
  await tablet.getByRole("button", { name: "Start picking" }).click();
  await tablet.getByRole("button", { name: "Picked one Wireless Earbuds" }).click();
  await tablet.getByRole("textbox", { name: "Staging bin" }).fill("B-3");
  await tablet.getByRole("button", { name: "Stage" }).click();
  await tablet.getByRole("button", { name: "Mark ready" }).click();
  await tablet.getByRole("button", { name: "Hand over" }).click();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await tablet.getByRole("textbox", { name: "Pickup code" }).fill(code === "000000" ? "111111" : "000000");
    await tablet.getByRole("button", { name: "Confirm pickup" }).click();
    await expect(tablet.getByRole("alert").filter({ hasText: attempt < 5 ? `${5 - attempt} ${5 - attempt === 1 ? "try" : "tries"} left` : "Handover locked" }).first()).toBeVisible();
  }
  await expect(tablet.getByRole("textbox", { name: "Pickup code" })).toHaveCount(0);
  await expect(tablet.getByRole("button", { name: "Unlock handover" })).toHaveCount(0); // associates cannot unlock

  const manager = await tabletAs(browser, "manager");
  await manager.goto(`/store/orders/${number}`);
  await manager.getByRole("button", { name: "Unlock handover" }).click();
  await expect(manager.getByRole("button", { name: "Hand over" })).toBeVisible();

  await tablet.reload();
  await tablet.getByRole("button", { name: "Hand over" }).click();
  await tablet.getByRole("textbox", { name: "Pickup code" }).fill(code);
  await tablet.getByRole("button", { name: "Confirm pickup" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Handed over" })).toBeVisible();
});

test("an associate cannot open another store's order", async ({ browser }) => {
  const { number } = await orderAtStore(browser, { products: ["Folding Camp Chair"], where: "78681", store: /Round Rock/ });

  const tablet = await tabletAs(browser, "associate");
  await tablet.goto(`/store/orders/${number}`);
  await expect(tablet.getByRole("heading", { name: "Order not found" })).toBeVisible();
});

test("a scan after a tap still lands, an in-store arrival waits at the counter, and the Ready card hands over", async ({ browser }) => {
  const { shopper, number, code } = await orderAtStore(browser, { products: ["Chef's Knife 8 in", "Remote Control Car"], where: "78751", store: /Austin North Lamar/ });
  const tablet = await tabletAs(browser, "associate");
  await tablet.goto(`/store/orders/${number.replace("H-", "")}`);
  await tablet.getByRole("button", { name: "Start picking" }).click();
  await expect(tablet.getByText("Picking", { exact: true })).toBeVisible();
  await expect(shopper.getByText("Status: Being picked")).toBeVisible({ timeout: 10_000 });

  // A tap on Picked, then the wedge scanner types straight away, into whatever has focus.
  await tablet.getByRole("button", { name: "Picked one Chef's Knife 8 in" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Chef's Knife 8 in: 1 of 1 picked." })).toBeVisible();
  await expect(tablet.getByRole("textbox", { name: "Scan barcode" })).toBeFocused();
  await expect(tablet.getByText("Ready to scan")).toBeVisible();
  const barcode = (await tablet.getByRole("listitem").filter({ hasText: "Remote Control Car" }).locator(".font-mono").textContent())!;
  await tablet.keyboard.type(barcode);
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByRole("status").filter({ hasText: "Remote Control Car: 1 of 1 picked." })).toBeVisible();
  // A mistaken pick can be taken back, and picked again.
  await tablet.getByRole("button", { name: "Undo one Remote Control Car" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Remote Control Car: back to 0 of 1 picked." })).toBeVisible();
  await tablet.keyboard.type(barcode);
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByText("1 of 1 picked", { exact: true })).toHaveCount(2);

  await tablet.getByRole("textbox", { name: "Staging bin" }).fill("C-4");
  await tablet.getByRole("button", { name: "Stage" }).click();
  await expect(tablet.getByText("Staged in bin C-4")).toBeVisible();
  await tablet.getByRole("button", { name: "Mark ready" }).click();
  await expect(tablet.getByRole("button", { name: "Hand over" })).toBeVisible();

  // In store, "I'm here" asks for no bay or car, and lands at the counter, not at the curb.
  await expect(shopper.getByText("Status: Ready for pickup")).toBeVisible({ timeout: 10_000 });
  await expect(shopper.getByRole("textbox", { name: "Parking bay" })).toHaveCount(0);
  await shopper.getByRole("button", { name: "I'm here" }).click();
  await expect(shopper.getByRole("heading", { name: "You're checked in — waiting at the counter" })).toBeVisible();

  await tablet.getByRole("link", { name: "Queue" }).click();
  await expect(tablet.getByRole("alert").filter({ hasText: `A customer is waiting at the counter: ${number}` })).toBeVisible({ timeout: 8_000 });
  await tablet.getByRole("tab", { name: "Curbside" }).click();
  await expect(tablet.getByRole("tabpanel", { name: "Curbside" }).getByRole("heading", { name: new RegExp(number) })).toHaveCount(0);
  await tablet.getByRole("tab", { name: "Ready" }).click();
  const card = tablet.getByRole("tabpanel", { name: "Ready" }).getByRole("listitem").filter({ has: tablet.getByRole("heading", { name: new RegExp(number) }) });
  await expect(card).toContainText("Waiting at counter");
  await expectNoSeriousA11yViolations(tablet);
  await card.getByRole("link", { name: "Hand over" }).click();

  // The handover is first on the page and ready for the code.
  await expect(tablet.getByRole("textbox", { name: "Pickup code" })).toBeFocused();
  await tablet.getByRole("textbox", { name: "Pickup code" }).fill(code);
  await tablet.getByRole("button", { name: "Confirm pickup" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Handed over" })).toBeVisible();
  await expect(shopper.getByText("Status: Picked up")).toBeVisible({ timeout: 10_000 });
});

test("a slow answer to a pick does not pull the associate out of the field they moved on to", async ({ browser }) => {
  const { number } = await placeCurbsideOrder(browser, ["Wireless Earbuds"]);
  const tablet = await tabletAs(browser, "associate");
  await tablet.goto(`/store/orders/${number}`);
  await tablet.getByRole("button", { name: "Start picking" }).click();
  await expect(tablet.getByText("Picking", { exact: true })).toBeVisible();
  // The store's network is slow: every action's answer takes two seconds to come back.
  await tablet.route(`**/store/orders/${number}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.fulfill({ response });
  });
  await tablet.getByRole("button", { name: "Picked one Wireless Earbuds" }).click();
  // While the pick is on its way, the associate is already typing the staging bin.
  await tablet.getByRole("textbox", { name: "Staging bin" }).click();
  await tablet.keyboard.type("B-3");
  await expect(tablet.getByRole("status").filter({ hasText: "Wireless Earbuds: 1 of 1 picked." })).toBeVisible();
  await tablet.keyboard.type("1");
  await expect(tablet.getByRole("textbox", { name: "Staging bin" })).toHaveValue("B-31");
  await expect(tablet.getByRole("textbox", { name: "Staging bin" })).toBeFocused();
  await expect(tablet.getByRole("textbox", { name: "Scan barcode" })).toHaveValue("");
});

test("at the handover the customer declines one item: it goes back on the shelf, the rest is handed over and only it is charged", async ({ browser }) => {
  const { shopper, number, code } = await placeCurbsideOrder(browser, ["Wireless Mouse", "Gel Pens 12-Pack"]);
  const tablet = await tabletAs(browser, "associate");
  await tablet.goto(`/store/orders/${number}`);
  await tablet.getByRole("button", { name: "Start picking" }).click();
  await tablet.getByRole("button", { name: "Picked one Wireless Mouse" }).click();
  await tablet.getByRole("button", { name: "Picked one Gel Pens 12-Pack" }).click();
  await tablet.getByRole("textbox", { name: "Staging bin" }).fill("C-2");
  await tablet.getByRole("button", { name: "Stage" }).click();
  await tablet.getByRole("button", { name: "Mark ready" }).click();
  await tablet.getByRole("button", { name: "Hand over" }).click();

  await tablet.getByRole("button", { name: "Customer declined an item" }).click();
  const declined = tablet.getByRole("form", { name: "Declined items" });
  await declined.getByRole("combobox", { name: "Declined item" }).selectOption({ label: "Gel Pens 12-Pack (1 picked)" });
  await expect(declined).toContainText("Back on the shelf, available to other shoppers; the customer is not charged for it.");
  await declined.getByRole("button", { name: "Confirm declined" }).click();
  await expect(declined.getByRole("status")).toContainText("1 declined: back on the shelf, and not charged.");
  await expectNoSeriousA11yViolations(tablet);
  await tablet.screenshot({ path: "test-results/handover-declined.png", fullPage: true });

  await tablet.getByRole("textbox", { name: "Pickup code" }).fill(code);
  await tablet.getByRole("button", { name: "Confirm pickup" }).click();
  await expect(tablet.getByRole("status").filter({ hasText: "Handed over" })).toBeVisible();

  // The shopper's page follows the OMS: picked up, the mouse charged, the pens not.
  await expect(shopper.getByText("Status: Picked up")).toBeVisible({ timeout: 15_000 });
  await expect(shopper.getByText("1 declined at pickup — not charged")).toBeVisible();
  await expect(shopper.getByText("Total").locator("xpath=following-sibling::span[1]")).toHaveText("$19.99");
});
