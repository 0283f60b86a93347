import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as watchedOrderRoute } from "@/app/api/v1/observations/orders/[order]/route";
import { POST as observationsRoute } from "@/app/api/v1/observations/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";

const db = () => getDb();

type Line = { system: string; event: string; order: string; aliases?: string[]; direction?: "sent"; at: Date };
type Entry = { order: string; aliases: string[]; state: string; verdict: { node: { id: string } } | null };

async function ship(key: string, lines: Line[]) {
  const body = lines.map((line) => JSON.stringify({ ...line, at: line.at.toISOString() })).join("\n");
  const response = await observationsRoute(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}` }, body }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { cascade: Entry[] }).cascade;
}

const seconds = (from: Date, offset: number) => new Date(from.getTime() + offset * 1000);

describe("one watched order under many ids", () => {
  it("joins lines under any linked id, in any batch and either order, named by the id it was first seen under", async () => {
    const { key } = await createApiKey(db(), "alias test");
    const run = randomUUID().slice(0, 8);
    const [web, oms, store] = [`#W-${run}`, `SO-${run}`, `POS-${run}`];
    const placedAt = seconds(new Date(), -7200);

    // The storefront's line comes first, under its own id; nothing links it yet.
    const first = await ship(key, [{ system: "storefront", event: "order.created", order: web, at: seconds(placedAt, 2) }]);
    expect(first).toEqual([expect.objectContaining({ order: web, aliases: [] })]);

    // The POS knows the OMS's id and its own; the OMS's line links the storefront's.
    await ship(key, [{ system: "pos", event: "order.created", order: store, aliases: [oms], at: seconds(placedAt, 1) }]);
    const merged = await ship(key, [
      { system: "oms", event: "order.created", order: oms, aliases: [web], at: placedAt },
      { system: "wms", event: "order.created", order: oms, at: seconds(placedAt, 1) },
      { system: "notification", event: "order.created", order: web, at: seconds(placedAt, 3) },
    ]);
    // The OMS's line is the earliest: the order is named by its id, and every system's line counts.
    expect(merged).toEqual([expect.objectContaining({ order: oms, aliases: [store, web].sort(), state: "healthy", verdict: null })]);
    expect(await db().watchedOrder.findMany({ where: { orderRef: { in: [web, oms, store] } }, select: { orderRef: true } })).toEqual([{ orderRef: oms }]);

    // Asked for by any of its ids, it is the same order.
    for (const id of [web, store]) {
      const response = await watchedOrderRoute(new Request(`http://handoff.test/api/v1/observations/orders/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${key}` } }), {
        // The router hands the segment over percent-encoded, as the URL carries it.
        params: Promise.resolve({ order: encodeURIComponent(id) }),
      });
      expect(await response.json()).toMatchObject({ order: oms, aliases: [store, web].sort(), state: "healthy" });
    }
  });

  it("finds a break only once the ids are joined: the storefront's line under its own id is what arrived", async () => {
    const { key } = await createApiKey(db(), "alias test");
    const run = randomUUID().slice(0, 8);
    const [web, oms] = [`#W-${run}`, `SO-${run}`];
    const canceledAt = seconds(new Date(), -3600);
    const lines: Line[] = [
      { system: "oms", event: "order.created", order: oms, aliases: [web], at: seconds(canceledAt, -600) },
      ...["wms", "pos", "notification"].map((system) => ({ system, event: "order.created", order: oms, at: seconds(canceledAt, -599) })),
      { system: "storefront", event: "order.created", order: web, at: seconds(canceledAt, -599) },
      { system: "oms", event: "order.canceled", order: oms, at: canceledAt },
      { system: "wms", event: "order.canceled", order: oms, at: seconds(canceledAt, 1) },
      { system: "storefront", event: "inventory.released", order: web, at: seconds(canceledAt, 2) },
      { system: "notification", event: "order.canceled", order: oms, at: seconds(canceledAt, 3) },
    ];
    // Shuffled and sent twice over: duplicates and order of arrival change nothing.
    const shuffled = [...lines, ...lines].sort(() => Math.random() - 0.5);
    const cascade = await ship(key, shuffled);
    expect(cascade).toEqual([expect.objectContaining({ order: oms, aliases: [web], state: "broken", verdict: expect.objectContaining({ node: expect.objectContaining({ id: "cancellation-1" }) }) })]);
  });
});

