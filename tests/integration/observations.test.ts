import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/observations/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";
import { parseCsv } from "@/lib/monitor/observations/parse-lines";
import { uploadGate } from "@/lib/monitor/observations/upload-gate";

const db = () => getDb();

type Line = { system: string; event: string; direction?: "sent" };

// What five healthy systems log for an order that is placed, made ready and picked up, or
// placed and canceled online; "sent" lines are a source's record that an event left it.
const PLACED: Line[] = [
  { system: "oms", event: "order.created" },
  { system: "wms", event: "order.created" },
  { system: "pos", event: "order.created" },
  { system: "storefront", event: "order.created" },
  { system: "notification", event: "order.created" },
];
const READY: Line[] = [
  { system: "pos", event: "order.ready" },
  { system: "pos", event: "order.ready", direction: "sent" },
  { system: "oms", event: "order.ready" },
  { system: "storefront", event: "order.ready" },
  { system: "notification", event: "order.ready" },
  { system: "wms", event: "order.ready" },
];
const PICKUP: Line[] = [
  { system: "pos", event: "pickup.completed" },
  { system: "pos", event: "pickup.completed", direction: "sent" },
  { system: "oms", event: "pickup.completed" },
  { system: "oms", event: "order.picked_up" },
  { system: "wms", event: "order.picked_up" },
  { system: "storefront", event: "order.picked_up" },
  { system: "notification", event: "order.picked_up" },
  { system: "storefront", event: "inventory.consumed" },
];
const CANCEL: Line[] = [
  { system: "oms", event: "order.canceled" },
  { system: "wms", event: "order.canceled" },
  { system: "storefront", event: "inventory.released" },
  { system: "storefront", event: "order.canceled" },
  { system: "notification", event: "order.canceled" },
];

const without = (lines: Line[], ...gone: string[]) => lines.filter((line) => !gone.includes(`${line.system}:${line.event}${line.direction ? ":sent" : ""}`));

// Each failure node, as the logs of the five systems show it: what never got logged.
const BROKEN: Record<string, Line[]> = {
  "pickup-1": [...PLACED, ...READY, ...without(PICKUP, "pos:pickup.completed:sent", "oms:pickup.completed", "oms:order.picked_up", "wms:order.picked_up", "storefront:order.picked_up", "notification:order.picked_up", "storefront:inventory.consumed")],
  "pickup-2": [...PLACED, ...READY, ...without(PICKUP, "oms:pickup.completed", "oms:order.picked_up", "wms:order.picked_up", "storefront:order.picked_up", "notification:order.picked_up", "storefront:inventory.consumed")],
  "pickup-3": [...PLACED, ...READY, ...without(PICKUP, "wms:order.picked_up", "storefront:inventory.consumed")],
  "pickup-4": [...PLACED, ...READY, ...without(PICKUP, "storefront:order.picked_up")],
  "pickup-5": [...PLACED, ...READY, ...without(PICKUP, "notification:order.picked_up")],
  "pickup-6": [...PLACED, ...READY, ...without(PICKUP, "storefront:inventory.consumed")],
  "cancellation-1": [...PLACED, ...without(CANCEL, "storefront:order.canceled")],
  "cancellation-2": [...PLACED, ...without(CANCEL, "storefront:inventory.released")],
  // Canceled at the POS: the POS logged it (and sent it), the OMS never did, so nothing followed.
  "cancellation-3": [...PLACED, { system: "pos", event: "order.canceled" }, { system: "pos", event: "order.canceled", direction: "sent" }],
};

async function upload(body: string, key: string) {
  const response = await POST(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}` }, body }));
  return { status: response.status, body: (await response.json()) as { accepted: number; rejected: { line: number; errors: string[] }[]; cascade: { order: string; verdict: { node: { id: string } } | null }[] } };
}

describe("five systems' logs, uploaded", () => {
  it("name the right node for every broken order at each of the nine nodes, and flag no healthy one", async () => {
    const { key } = await createApiKey(db(), "log upload test");
    const run = randomUUID().slice(0, 8);
    const expected = new Map<string, string | null>();
    const lines: string[] = [];
    const t0 = Date.parse("2026-11-20T15:00:00Z");
    const emit = (order: string, events: Line[]) =>
      events.forEach((event, index) => lines.push(JSON.stringify({ ...event, order, at: new Date(t0 + index * 1000).toISOString() })));
    for (const [node, events] of Object.entries(BROKEN)) {
      for (let i = 0; i < 10; i++) {
        const order = `EXT-${run}-${node}-${i}`;
        emit(order, events);
        expected.set(order, node);
      }
    }
    for (let i = 0; i < 30; i++) {
      const order = `EXT-${run}-healthy-${i}`;
      emit(order, i % 2 === 0 ? [...PLACED, ...READY, ...PICKUP] : [...PLACED, ...CANCEL]);
      expected.set(order, null);
    }
    // Shuffle, as five systems' logs interleave, and add two bad lines.
    lines.sort(() => Math.random() - 0.5);
    lines.splice(5, 0, "{not json");
    lines.splice(9, 0, JSON.stringify({ system: "erp", event: "x", order: "1", at: "yesterday" }));

    const { status, body } = await upload(lines.join("\n"), key);
    expect(status).toBe(200);
    expect(body.accepted).toBe(lines.length - 2);
    expect(body.rejected).toEqual([
      { line: 6, errors: ["not valid JSON"] },
      { line: 10, errors: [expect.stringContaining("system must be one of"), "at: at must be an ISO 8601 date-time"] },
    ]);
    expect(new Map(body.cascade.map((entry) => [entry.order, entry.verdict?.node.id ?? null]))).toEqual(expected);
  });

  it("refuses a request without an API key, and a body with nothing readable", async () => {
    const response = await POST(new Request("http://handoff.test/api/v1/observations", { method: "POST", body: "{}" }));
    expect(response.status).toBe(401);
    const { key } = await createApiKey(db(), "log upload test");
    const bad = await upload("nonsense\n{}", key);
    expect(bad.status).toBe(400);
    expect(bad.body.rejected.map((line) => line.line)).toEqual([1, 2]);
  });

  it("reads CSV with a header, reporting bad rows by line", () => {
    const parsed = parseCsv("order,system,event,at\nA-1,pos,pickup.completed,2026-11-20T15:00:00Z\nA-1,mainframe,pickup.completed,2026-11-20T15:00:00Z\n");
    expect(parsed.observations).toMatchObject([{ line: 2, system: "POS", eventType: "pickup.completed", orderRef: "A-1", direction: "received" }]);
    expect(parsed.rejected).toEqual([{ line: 3, errors: [expect.stringContaining('got "mainframe"')] }]);
    expect(parseCsv("order,event\n").rejected).toEqual([{ line: 1, errors: ["the header must name the columns system, event, order, at (missing system, at)"] }]);
  });

  it("take turns: a sender holding its four places is told to wait (429), and its upload goes through once one is free", async () => {
    const created = await createApiKey(db(), "busy shipper");
    const key = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    // One runs and three wait (one upload at a time by default): four places held either way.
    const held = Array.from({ length: 4 }, () => uploadGate().enter(`key:${key.id}`));
    const line = JSON.stringify({ system: "pos", event: "order.ready", order: `GATE-${randomUUID()}`, at: new Date().toISOString() });
    const refused = await POST(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${created.key}` }, body: line }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect((await refused.json()).error).toContain("4 uploads in progress");
    for (const entering of held) {
      const pass = await entering;
      if (pass.ok) pass.leave();
    }
    expect((await upload(line, created.key)).body.accepted).toBe(1);
  });
});

