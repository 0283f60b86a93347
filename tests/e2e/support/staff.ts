import type { Browser, BrowserContextOptions, Page } from "@playwright/test";

export const STAFF_ROLES = ["associate", "manager", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Where the setup project keeps each role's signed-in session (cookies) for the tests. */
export const storageStateOf = (role: StaffRole) => `.data/e2e-auth/${role}.json`;

/** A fresh browser context signed in as the demo account of `role`, opened at `start`. */
export async function asStaff(browser: Browser, role: StaffRole, start = role === "associate" ? "/store" : "/ops", options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ ...options, storageState: storageStateOf(role) })).newPage();
  await page.goto(start);
  return page;
}
