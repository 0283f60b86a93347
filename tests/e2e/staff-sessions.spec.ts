import { expect, test } from "@playwright/test";

async function signInAt(page: import("@playwright/test").Page, email: string, password = "handoff-demo") {
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing out ends the session on the server: the old cookie opens nothing", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/ops");
  await signInAt(page, "manager@handoff.test");
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
  const cookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who kept a copy of the cookie gets nowhere with it.
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const replay = await copy.newPage();
  await replay.goto("/ops");
  await expect(replay).toHaveURL(/\/sign-in\?next=%2Fops/);
});

test("signing in from a link to one of the manager's stores opens that store", async ({ page }) => {
  await page.goto("/store?store=AUS-SC");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstore%3Fstore%3DAUS-SC/);
  await signInAt(page, "store.manager@handoff.test");
  await expect(page.getByRole("heading", { level: 1, name: "South Congress" })).toBeVisible();
});

test("guessing passwords slows down, and says so the same way for an account that does not exist", async ({ page }) => {
  await page.goto("/sign-in");
  const email = `nobody-${Date.now()}@handoff.test`;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInAt(page, email, `guess ${attempt}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  // The delay after the fifth failure is a second and doubles with each one after: however slow
  // this machine is at the moment, a few more guesses land inside it and are told to wait.
  const alert = page.locator("form").getByRole("alert");
  let answer = "";
  for (let attempt = 6; attempt <= 12 && !answer.startsWith("Too many"); attempt++) {
    const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in");
    await signInAt(page, email, `guess ${attempt}`);
    await answered;
    await page.waitForTimeout(200);
    answer = await alert.innerText();
    expect(answer).toMatch(/^(Wrong email or password\.|Too many failed sign-ins\. Wait \d+ seconds? and try again\.)$/);
  }
  expect(answer).toMatch(/^Too many failed sign-ins\. Wait \d+ seconds? and try again\.$/);
});
