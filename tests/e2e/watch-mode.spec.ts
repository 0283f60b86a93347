import { expect, test } from "@playwright/test";
import { asStaff } from "./support/staff";

test("a manager loads the write-ups' vocabulary, sends a stack's lines in its own words and ids, and finds the stuck order on /ops", async ({ browser }) => {
  const manager = await asStaff(browser, "manager", "/ops/observations");
  await manager.getByRole("button", { name: "Load the field write-ups' preset" }).click();
  await expect(manager.getByRole("status").filter({ hasText: /Vocabulary saved: \d+ mappings/ })).toBeVisible();
  await expect(manager.getByRole("table", { name: "Mappings" }).getByRole("row").filter({ hasText: "fulfillment-complete" }).first()).toBeVisible();

  // Seed 000's pickup an hour ago, logged in the stack's words under two ids; the WMS never logged fulfillment-complete.
  const run = Date.now().toString(36).toUpperCase();
  const at = (seconds: number) => new Date(Date.now() - 3_600_000 + seconds * 1000).toISOString();
  // Three such orders, so the audit can tell a structural gap from an edge case.
  const linesOf = (oms: string, web: string) => [
    { system: "oms", event: "order.created", order: oms, aliases: [web], at: at(-1800) },
    ...["wms", "pos", "notification"].map((system) => ({ system, event: "order.created", order: oms, at: at(-1799) })),
    { system: "storefront", event: "order-status-update", status: "confirmed", order: web, at: at(-1799) },
    { system: "pos", event: "pickup-complete", order: oms, at: at(0) },
    { system: "pos", event: "pickup-complete", direction: "sent", order: oms, at: at(0) },
    { system: "oms", event: "pickup-confirmation", order: oms, at: at(1) },
    { system: "oms", event: "order-fulfilled", order: oms, at: at(1) },
    { system: "storefront", event: "order-status-update", status: "picked_up", order: web, at: at(2) },
    { system: "notification", event: "pickup-confirmation", order: oms, at: at(3) },
  ];
  const orders = [1, 2, 3].map((n) => ({ oms: `SO-${run}-${n}`, web: `#W${run}-${n}` }));
  const [{ oms, web }] = orders as [{ oms: string; web: string }];
  const lines = orders.flatMap((order) => linesOf(order.oms, order.web));
  await manager.getByLabel("Log file (NDJSON or CSV)").setInputFiles({ name: "stack.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(lines.map((line) => JSON.stringify(line)).join("\n")) });
  await manager.getByRole("button", { name: "Upload logs" }).click();
  const row = manager.getByRole("row").filter({ hasText: oms });
  await expect(row).toContainText("Pickup node 3 — OMS → WMS fulfillment-complete never arrived");
  await expect(row).toContainText(`also ${web}`);

  await manager.getByRole("link", { name: "Overview" }).click();
  const watched = manager.getByRole("region", { name: /Watched stack/ });
  await expect(watched.getByRole("row").filter({ hasText: oms })).toContainText("OMS-WMS event routing");
  await watched.getByRole("link", { name: oms }).click();
  await expect(manager.getByRole("heading", { name: `Watched order ${oms}` })).toBeVisible();
  await expect(manager.getByText(`Also known as ${web}`)).toBeVisible();
  await expect(manager.getByRole("alert", { name: "Failure node" })).toContainText("Fix lane: OMS-WMS event routing");
  await expect(manager.getByRole("row").filter({ hasText: "OMS → WMS" }).filter({ hasText: "order.picked_up" })).toContainText("Missing");
  await expect(manager.getByRole("row").filter({ hasText: "POS → OMS" }).filter({ hasText: "pickup.completed" })).toContainText("1.0 s");

  // Per boundary, how long the crossings took by the logs' clocks.
  await manager.getByRole("link", { name: "Overview" }).click();
  const latency = manager.getByRole("table", { name: /Watched boundaries/ });
  await expect(latency.getByRole("row").filter({ hasText: "Pickup node 2 — POS → OMS pickup write-back" })).toBeVisible();
  // Found by the storefront's id, however many orders are stuck before it.
  await manager.getByLabel("Watched order id").fill(orders[1]!.web);
  await manager.getByRole("button", { name: "Find watched order" }).click();
  await expect(manager.getByRole("heading", { name: `Watched order ${orders[1]!.oms}` })).toBeVisible();

  // Seed 000's audit of the three, asked by the storefront's ids: the same node every time.
  await manager.goto("/ops/audit");
  await manager.getByLabel("Watched order ids").fill(orders.map((order) => order.web).join(", "));
  await manager.getByRole("button", { name: "Audit these watched orders" }).click();
  const verdict = manager.getByRole("status", { name: "Verdict" });
  await expect(verdict).toContainText("Same node every time");
  await expect(verdict).toContainText("Pickup node 3 — OMS → WMS fulfillment-complete never arrived");
  await expect(manager.getByRole("table", { name: /each audited watched order/ }).getByRole("link", { name: oms })).toBeVisible();
});
