import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as watchedOrderRoute } from "@/app/api/v1/observations/orders/[order]/route";
import { POST as observationsRoute } from "@/app/api/v1/observations/route";
import { GET as getVocabulary, PUT as putVocabulary } from "@/app/api/v1/observations/vocabulary/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";

const db = () => getDb();
let key = "";

beforeAll(async () => {
  key = (await createApiKey(db(), "vocabulary test")).key;
});

// The vocabulary is one per install: leave none behind for other files' tests.
afterAll(async () => {
  await db().observationMapping.deleteMany({});
});

const authorized = (init: RequestInit = {}) => ({ ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) } });
const vocabularyUrl = "http://handoff.test/api/v1/observations/vocabulary";

type Line = { system: string; event: string; status?: string; direction?: "sent"; at: Date };
const seconds = (from: Date, offset: number) => new Date(from.getTime() + offset * 1000);

async function ship(order: string, lines: Line[]) {
  const body = lines.map((line) => JSON.stringify({ ...line, order, at: line.at.toISOString() })).join("\n");
  const response = await observationsRoute(new Request("http://handoff.test/api/v1/observations", authorized({ method: "POST", body })));
  return (await response.json()) as {
    accepted: number;
    cascade: { order: string; state: string; verdict: { node: { id: string } } | null }[];
    unmapped: { system: string; event: string; lines: number; example: { order: string } }[];
  };
}

/** Seed 000's pickup as a stack that speaks its words logs it, an hour ago; `omit` leaves out "system:event" lines. */
function seedWordsPickup(omit: string[] = []): Line[] {
  const placedAt = seconds(new Date(), -7200);
  const pickedUpAt = seconds(new Date(), -3600);
  const lines: Line[] = [
    { system: "oms", event: "order.created", at: placedAt },
    { system: "wms", event: "order.created", at: seconds(placedAt, 1) },
    { system: "pos", event: "order.created", at: seconds(placedAt, 1) },
    { system: "storefront", event: "order-status-update", status: "confirmed", at: seconds(placedAt, 2) },
    { system: "notification", event: "order.created", at: seconds(placedAt, 3) },
    { system: "pos", event: "pickup-complete", at: pickedUpAt },
    { system: "pos", event: "pickup-complete", direction: "sent", at: pickedUpAt },
    { system: "oms", event: "pickup-confirmation", at: seconds(pickedUpAt, 1) },
    { system: "oms", event: "order-fulfilled", at: seconds(pickedUpAt, 1) },
    { system: "wms", event: "fulfillment-complete", at: seconds(pickedUpAt, 2) },
    { system: "storefront", event: "order-status-update", status: "picked_up", at: seconds(pickedUpAt, 2) },
    { system: "notification", event: "pickup-confirmation", at: seconds(pickedUpAt, 3) },
    { system: "storefront", event: "inventory-delta", at: seconds(pickedUpAt, 4) },
  ];
  return lines.filter((line) => !omit.includes(`${line.system}:${line.event}${line.status ? `:${line.status}` : ""}`));
}

async function loadPreset() {
  const current = (await (await getVocabulary(new Request(vocabularyUrl, authorized()))).json()) as { presets: { name: string; mappings: unknown[] }[] };
  const preset = current.presets.find((candidate) => candidate.name === "seed write-ups")!;
  const response = await putVocabulary(new Request(vocabularyUrl, authorized({ method: "PUT", body: JSON.stringify({ mappings: preset.mappings }) })));
  expect(response.status).toBe(200);
}

describe("a watched stack's own vocabulary", () => {
  it("reads seed 000's words once the preset is loaded: a missing fulfillment-complete is node 3, a whole chain is healthy", async () => {
    await loadPreset();
    const run = randomUUID().slice(0, 8);
    const healthy = await ship(`W-${run}-ok`, seedWordsPickup());
    expect(healthy.cascade[0]).toMatchObject({ state: "healthy", verdict: null });
    expect(healthy.unmapped).toEqual([]);
    const broken = await ship(`W-${run}-p3`, seedWordsPickup(["wms:fulfillment-complete", "storefront:inventory-delta"]));
    expect(broken.cascade[0]).toMatchObject({ state: "broken", verdict: { node: { id: "pickup-3" } } });
    // The storefront's generic status update counts only with a status the mapping names.
    const stale = await ship(`W-${run}-p4`, [
      ...seedWordsPickup(["storefront:order-status-update:picked_up"]),
      { system: "storefront", event: "order-status-update", status: "processing", at: seconds(new Date(), -3590) },
    ]);
    expect(stale.cascade[0]).toMatchObject({ state: "broken", verdict: { node: { id: "pickup-4" } } });
    expect(stale.unmapped).toEqual([expect.objectContaining({ system: "STOREFRONT", event: "order-status-update", lines: 1 })]);
  });

  it("lets one word stand for whichever event the order's chain expects", async () => {
    await loadPreset();
    const order = `W-${randomUUID().slice(0, 8)}-cancel`;
    const canceledAt = seconds(new Date(), -3600);
    // Canceled online: the storefront's inventory-delta is the released units here, not a pickup's deduction.
    const result = await ship(order, [
      { system: "oms", event: "order.created", at: seconds(canceledAt, -600) },
      ...["wms", "pos", "notification"].map((system) => ({ system, event: "order.created", at: seconds(canceledAt, -599) })),
      { system: "storefront", event: "order.created", at: seconds(canceledAt, -599) },
      { system: "oms", event: "order.canceled", at: canceledAt },
      { system: "wms", event: "allocation-release", at: seconds(canceledAt, 1) },
      { system: "storefront", event: "inventory-delta", at: seconds(canceledAt, 2) },
      { system: "storefront", event: "order-status-update", status: "canceled", at: seconds(canceledAt, 2) },
      { system: "notification", event: "cancellation-notice", at: seconds(canceledAt, 3) },
    ]);
    expect(result.cascade[0]).toMatchObject({ state: "healthy", verdict: null });
  });

  it("keeps lines in words nothing maps, and lists them with a count and an example", async () => {
    await loadPreset();
    const order = `W-${randomUUID().slice(0, 8)}-odd`;
    const result = await ship(order, [
      { system: "oms", event: "order.created", at: seconds(new Date(), -60) },
      { system: "pos", event: "basket-scanned", at: seconds(new Date(), -50) },
      { system: "pos", event: "basket-scanned", at: seconds(new Date(), -40) },
    ]);
    expect(result.accepted).toBe(3);
    expect(result.unmapped).toEqual([{ system: "POS", event: "basket-scanned", lines: 2, example: expect.objectContaining({ order }) }]);
    expect(await db().observation.count({ where: { orderRef: order, eventType: "basket-scanned" } })).toBe(2);
    const vocabulary = (await (await getVocabulary(new Request(vocabularyUrl, authorized()))).json()) as { unmapped: { event: string }[] };
    expect(vocabulary.unmapped.map((event) => event.event)).toContain("basket-scanned");
  });

  it("judges watched orders again when the vocabulary changes: yesterday's unknown words count today", async () => {
    await putVocabulary(new Request(vocabularyUrl, authorized({ method: "PUT", body: JSON.stringify({ mappings: [] }) })));
    const order = `W-${randomUUID().slice(0, 8)}-later`;
    const before = await ship(order, seedWordsPickup(["wms:fulfillment-complete", "storefront:inventory-delta"]));
    // Without the words, the pickup chain is not even under way: only the placement is read.
    expect(before.cascade[0]!.verdict?.node.id).not.toBe("pickup-3");
    await loadPreset();
    expect(await db().watchedOrder.findUniqueOrThrow({ where: { orderRef: order } })).toMatchObject({ state: "broken", nodeId: "pickup-3" });
    const view = await watchedOrderRoute(new Request(`http://handoff.test/api/v1/observations/orders/${order}`, authorized()), { params: Promise.resolve({ order }) });
    expect(await view.json()).toMatchObject({ state: "broken", node: { id: "pickup-3", fixLane: "OMS-WMS event routing" } });
  });

  it("refuses a vocabulary with a wrong mapping whole, naming the path of each problem, and keeps the old one", async () => {
    await loadPreset();
    const before = await db().observationMapping.count();
    const response = await putVocabulary(
      new Request(vocabularyUrl, authorized({
        method: "PUT",
        body: JSON.stringify({
          mappings: [
            { system: "pos", event: "pickup-complete", means: ["pickup.completed"] },
            { system: "erp", event: "x", means: ["order.created"] },
            { system: "oms", event: "y", means: ["order.teleported"] },
          ],
        }),
      })),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fields: { path: string; message: string }[] };
    expect(body.fields.map((field) => field.path)).toEqual(["mappings.1.system", "mappings.2.means.0"]);
    expect(body.fields[1]!.message).toMatch(/"order.teleported" is not a Handoff event/);
    expect(await db().observationMapping.count()).toBe(before);
  });

  it("lists Handoff's own events with the chain step each stands for", async () => {
    const body = (await (await getVocabulary(new Request(vocabularyUrl, authorized()))).json()) as {
      handoffEvents: { event: string; steps: { chain: string; step: string }[] }[];
    };
    expect(body.handoffEvents.find((event) => event.event === "pickup.completed")?.steps.map((step) => step.step)).toEqual(["pickup-recorded", "P2"]);
    expect(body.handoffEvents.find((event) => event.event === "inventory.consumed")?.steps).toEqual([expect.objectContaining({ chain: "PICKUP", step: "P6" })]);
  });
});
