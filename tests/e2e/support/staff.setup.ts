import { expect, test as setup } from "@playwright/test";
import { STAFF_ROLES, storageStateOf } from "./staff";

// Each demo role signs in once, through the real form; the tests start from the saved sessions.
for (const role of STAFF_ROLES) {
  setup(`${role} signs in`, async ({ page }) => {
    await page.goto(role === "associate" ? "/store" : "/ops");
    await page.getByRole("textbox", { name: "Email" }).fill(`${role}@handoff.test`);
    await page.getByRole("textbox", { name: "Password" }).fill("handoff-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
