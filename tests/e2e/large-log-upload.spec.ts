import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { asStaff } from "./support/staff";

// A retailer's export is megabytes, past what one request may carry: the page reads and sends it a part at a time.
test("a manager uploads a 2 MB CSV export, watches its progress, and gets every line back by its line number in the file", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await asStaff(browser, "manager", "/ops/observations");
  const run = Date.now().toString(36).toUpperCase();
  const at = (i: number) => new Date(Date.now() - 7_200_000 + i).toISOString();
  const rows = ["system,event,order,at"];
  for (let order = 0; order < 7_000; order++) {
    for (const system of ["oms", "wms", "pos", "storefront", "notification"]) rows.push(`${system},order.created,BIG-${run}-${order},${at(order)}`);
  }
  // Line 20,001 of the file, well past the first part.
  rows[20_000] = "pos,order.created,,not a time";
  const csv = rows.join("\n") + "\n";
  expect(csv.length).toBeGreaterThan(2_000_000);

  await manager.getByLabel("Log file (NDJSON or CSV)").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await manager.getByRole("button", { name: "Upload logs" }).click();
  const progress = manager.getByRole("progressbar", { name: "Upload progress" });
  await expect(progress).toBeVisible();
  await expect(manager.getByRole("status").filter({ hasText: "34,999 lines read for 7,000 orders" })).toBeVisible({ timeout: 90_000 });
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(manager.getByRole("table", { name: "Lines that could not be read" }).getByRole("row").filter({ hasText: "20001" })).toContainText("order is required");
});

test("a gzip export is unpacked in the browser as it is read, and a quoted line break in a CSV cell crosses no part", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await asStaff(browser, "manager", "/ops/observations");
  const run = Date.now().toString(36).toUpperCase();
  const at = (i: number) => new Date(Date.now() - 7_200_000 + i).toISOString();
  // ; separated, as a European spreadsheet exports it, each row with a quoted note spanning two lines.
  const rows = ["\uFEFFsystem;event;order;at;status"];
  for (let order = 0; order < 3_000; order++) {
    for (const system of ["oms", "wms", "pos", "storefront", "notification"]) rows.push(`${system};order.created;GZ-${run}-${order};${at(order)};"noted; by\nthe store"`);
  }
  const packed = gzipSync(Buffer.from(rows.join("\n")));
  expect(packed.length).toBeLessThan(1_000_000);
  await manager.getByLabel("Log file (NDJSON or CSV)").setInputFiles({ name: "export.csv.gz", mimeType: "application/gzip", buffer: packed });
  await manager.getByRole("button", { name: "Upload logs" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "15,000 lines read for 3,000 orders: 0 broken, 3,000 healthy" })).toBeVisible({ timeout: 90_000 });
  await expect(manager.getByRole("table", { name: "Lines that could not be read" })).toHaveCount(0);
});
