import { expect, type Page } from "@playwright/test";

type FaultRule = { boundary: `${string}>${string}`; eventType: string; kind: "DROP" | "CORRUPT" | "WRONG_TYPE" | "HTTP_500" | "DELAY" | "PAUSE"; storeCode: string };

const KIND_WORDS: Record<FaultRule["kind"], string> = { DROP: "drop", CORRUPT: "corrupt", WRONG_TYPE: "wrong type", HTTP_500: "http 500", DELAY: "delay", PAUSE: "pause" };

/** Injects a fault as an admin does, from /ops/faults, and waits for the page to confirm it. */
export async function injectFault(admin: Page, rule: FaultRule) {
  await admin.getByRole("link", { name: "Faults" }).click();
  await admin.getByRole("combobox", { name: "Boundary" }).selectOption(rule.boundary);
  await admin.getByLabel(/Event type/).fill(rule.eventType);
  await admin.getByRole("combobox", { name: "What goes wrong" }).selectOption(rule.kind);
  await admin.getByLabel(/Store code/).fill(rule.storeCode);
  await admin.getByRole("button", { name: "Inject fault" }).click();
  const [source, target] = rule.boundary.split(">");
  await expect(admin.getByRole("status").filter({ hasText: `Injecting ${KIND_WORDS[rule.kind]} on ${source} → ${target}.` })).toBeVisible();
}

/** Clears the store's fault from /ops/faults (the only one these tests inject at a time). */
export async function clearFault(admin: Page, storeCode: string) {
  await admin.getByRole("link", { name: "Faults" }).click();
  await admin.getByRole("row").filter({ hasText: storeCode }).getByRole("button", { name: "Clear" }).click();
  await expect(admin.getByText("No faults injected.")).toBeVisible();
}
