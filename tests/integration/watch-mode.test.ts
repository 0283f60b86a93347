import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as watchedOrderRoute } from "@/app/api/v1/observations/orders/[order]/route";
import { POST as observationsRoute } from "@/app/api/v1/observations/route";
import { rejudgeDueWatchedOrders } from "@/lib/monitor/observations/judge-watched-orders";
import { watchedOverview } from "@/lib/monitor/observations/watched-overview";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";

const db = () => getDb();

type Line = { system: string; event: string; direction?: "sent"; at: Date };
type CascadeEntry = { order: string; state: string; verdict: { node: { id: string } } | null; late: { step: string; lateBySeconds: number }[] };

/** A retailer's shipper posting lines as they happen. */
async function ship(key: string, order: string, lines: Line[]) {
  const body = lines.map((line) => JSON.stringify({ system: line.system, event: line.event, direction: line.direction, order, at: line.at.toISOString() })).join("\n");
  const response = await observationsRoute(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}` }, body }));
  return { status: response.status, body: (await response.json()) as { accepted: number; rejected: { line: number; errors: string[] }[]; cascade: CascadeEntry[] } };
}

const seconds = (from: Date, offset: number) => new Date(from.getTime() + offset * 1000);

/** Placed, made ready and handed over, with the POS's pickup at `pickedUpAt`; `omit` leaves out "system:event" receipts. */
function pickedUp(pickedUpAt: Date, omit: string[] = []): Line[] {
  const placedAt = seconds(pickedUpAt, -3600);
  const readyAt = seconds(pickedUpAt, -1800);
  const lines: Line[] = [
    ...["oms", "wms", "pos", "storefront", "notification"].map((system, i) => ({ system, event: "order.created", at: seconds(placedAt, i) })),
    { system: "pos", event: "order.ready", at: readyAt },
    { system: "pos", event: "order.ready", direction: "sent" as const, at: readyAt },
    ...["oms", "storefront", "notification", "wms"].map((system, i) => ({ system, event: "order.ready", at: seconds(readyAt, i + 1) })),
    { system: "pos", event: "pickup.completed", at: pickedUpAt },
    { system: "pos", event: "pickup.completed", direction: "sent" as const, at: pickedUpAt },
    { system: "oms", event: "pickup.completed", at: seconds(pickedUpAt, 1) },
    { system: "oms", event: "order.picked_up", at: seconds(pickedUpAt, 1) },
    { system: "wms", event: "order.picked_up", at: seconds(pickedUpAt, 2) },
    { system: "storefront", event: "order.picked_up", at: seconds(pickedUpAt, 2) },
    { system: "notification", event: "order.picked_up", at: seconds(pickedUpAt, 3) },
    { system: "storefront", event: "inventory.consumed", at: seconds(pickedUpAt, 4) },
  ];
  return lines.filter((line) => line.direction === "sent" || !omit.includes(`${line.system}:${line.event}`));
}

async function watched(order: string) {
  return db().watchedOrder.findUniqueOrThrow({ where: { orderRef: order } });
}

describe("watch mode, judged against deadlines", () => {
  it("flags none of the orders still in flight, and names the stale ones right", async () => {
    const { key } = await createApiKey(db(), "watch test");
    const run = randomUUID().slice(0, 8);
    const now = new Date();
    const states: string[] = [];
    // Picked up 20 seconds ago: the WMS's and the storefront's lines are not there yet.
    for (let i = 0; i < 40; i++) {
      const { body } = await ship(key, `INFLIGHT-${run}-${i}`, pickedUp(seconds(now, -20), ["wms:order.picked_up", "storefront:order.picked_up", "storefront:inventory.consumed"]));
      states.push(...body.cascade.map((entry) => (entry.verdict ? `flagged ${entry.verdict.node.id}` : entry.state)));
    }
    expect(new Set(states)).toEqual(new Set(["in_flight"]));
    // The same silence an hour old is the WMS's missing fulfillment-complete (seed 000 node 3).
    const { body } = await ship(key, `STALE-${run}`, pickedUp(seconds(now, -3600), ["wms:order.picked_up", "storefront:order.picked_up", "storefront:inventory.consumed"]));
    expect(body.cascade[0]).toMatchObject({ state: "broken", verdict: { node: { id: "pickup-3" } } });
    expect(await watched(`STALE-${run}`)).toMatchObject({ state: "broken", nodeId: "pickup-3", chain: "PICKUP", stepNumber: 4 });
    // The dashboard lists it among the stuck watched orders, stuck since the step was due.
    const overview = await watchedOverview(db(), 100_000);
    expect(overview.stuck.find((entry) => entry.order === `STALE-${run}`)).toMatchObject({
      node: { id: "pickup-3", fixLane: "OMS-WMS event routing" },
      stuckSince: seconds(now, -3600 + 120),
    });
    expect(overview.inFlight).toBeGreaterThanOrEqual(40);
    // On the order's own view, the storefront's availability waits behind the WMS: its impact, not a node of its own.
    const view = await watchedOrderRoute(new Request(`http://handoff.test/api/v1/observations/orders/STALE-${run}`, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ order: `STALE-${run}` }),
    });
    const { steps } = (await view.json()) as { steps: { step: string; state: string; blockedBy: string | null }[] };
    expect(steps.filter((step) => step.state === "missing").map(({ step, blockedBy }) => [step, blockedBy])).toEqual([["P3", null], ["P4", null], ["P6", "P3"]]);
  });

  it("makes an in-flight order stuck, with its node, once its deadline passes with no new line", async () => {
    const { key } = await createApiKey(db(), "watch test");
    const order = `SILENT-${randomUUID().slice(0, 8)}`;
    const pickedUpAt = seconds(new Date(), -10);
    await ship(key, order, pickedUp(pickedUpAt, ["storefront:order.picked_up"]));
    const inFlight = await watched(order);
    expect(inFlight).toMatchObject({ state: "in_flight", nodeId: null });
    // The storefront's deadline is 120 s after the pickup, plus 120 s of tolerated skew.
    expect(inFlight.nextCheckAt!.getTime()).toBe(pickedUpAt.getTime() + 240_000 + 1);

    // Before the deadline passes the worker leaves it alone; after, it is stuck at node 4.
    await rejudgeDueWatchedOrders(db(), seconds(pickedUpAt, 200));
    expect(await watched(order)).toMatchObject({ state: "in_flight" });
    expect(await rejudgeDueWatchedOrders(db(), seconds(pickedUpAt, 241))).toBeGreaterThanOrEqual(1);
    expect(await watched(order)).toMatchObject({ state: "broken", nodeId: "pickup-4", nextCheckAt: null });
  });

  it("reports a step that came after its deadline as late, by how much, not as missing", async () => {
    const { key } = await createApiKey(db(), "watch test");
    const order = `LATE-${randomUUID().slice(0, 8)}`;
    const pickedUpAt = seconds(new Date(), -7200);
    const lines = pickedUp(pickedUpAt, ["notification:order.picked_up"]);
    // The pickup confirmation went out ten minutes late (deadline 300 s after the pickup).
    lines.push({ system: "notification", event: "order.picked_up", at: seconds(pickedUpAt, 900) });
    const { body } = await ship(key, order, lines);
    expect(body.cascade[0]).toMatchObject({ state: "healthy", verdict: null, late: [{ step: "P5", lateBySeconds: 600 }] });

    const response = await watchedOrderRoute(new Request(`http://handoff.test/api/v1/observations/orders/${order}`, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ order }),
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as { order: string; aliases: string[]; state: string; node?: unknown; late: { step: string; state: string }[]; steps: { step: string; state: string }[] };
    expect(view).toMatchObject({ order, aliases: [], state: "healthy", late: [{ step: "P5", state: "late", lateBySeconds: 600 }] });
    expect(view.node).toBeUndefined();
    expect(view.steps.filter((step) => step.state !== "arrived").map((step) => step.step)).toEqual(["P5"]);
  });

  it("tolerates clocks that disagree by up to the skew, and refuses a line far in the future", async () => {
    const { key } = await createApiKey(db(), "watch test");
    const order = `SKEW-${randomUUID().slice(0, 8)}`;
    const pickedUpAt = seconds(new Date(), -7200);
    const lines = pickedUp(pickedUpAt, ["wms:order.picked_up"]);
    // The WMS's clock runs 100 s slow and its line lands 100 s past the deadline: within the skew, on time.
    lines.push({ system: "wms", event: "order.picked_up", at: seconds(pickedUpAt, 220) });
    const { body } = await ship(key, order, lines);
    expect(body.cascade[0]).toMatchObject({ state: "healthy", verdict: null, late: [] });

    const ahead = await ship(key, `${order}-AHEAD`, [
      { system: "pos", event: "order.created", at: seconds(new Date(), 60) },
      { system: "oms", event: "order.created", at: seconds(new Date(), 3600) },
    ]);
    expect(ahead.body.accepted).toBe(1);
    expect(ahead.body.rejected).toEqual([{ line: 2, errors: [expect.stringMatching(/is more than 120 s in the future/)] }]);
  });

  it("answers for an order no line mentions with a 404, and for a key of a sales channel with a 403", async () => {
    const { key } = await createApiKey(db(), "watch test");
    const channel = await createApiKey(db(), "watch test channel", "MARKETPLACE");
    const ask = (order: string, bearer: string) =>
      watchedOrderRoute(new Request(`http://handoff.test/api/v1/observations/orders/${order}`, { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({ order }) });
    expect((await ask("NEVER-LOGGED", key)).status).toBe(404);
    expect((await ask("NEVER-LOGGED", channel.key)).status).toBe(403);
  });
});

describe("what the receiver recorded", () => {
  it("names node 2 when the OMS took the POS's pickup in as a generic status update (seed 000)", async () => {
    const { key } = await createApiKey(db(), "watch test");
    const order = `MISREAD-${randomUUID().slice(0, 8)}`;
    const pickedUpAt = seconds(new Date(), -30);
    // Half a minute ago, so nothing is past a deadline: only the misreading can break it.
    const lines = pickedUp(pickedUpAt, ["oms:pickup.completed", "oms:order.picked_up", "wms:order.picked_up", "storefront:order.picked_up", "notification:order.picked_up", "storefront:inventory.consumed"]);
    const body = lines.map((line) => JSON.stringify({ system: line.system, event: line.event, direction: line.direction, order, at: line.at.toISOString() }));
    body.push(JSON.stringify({ system: "oms", event: "pickup.completed", status: "status_update", order, at: seconds(pickedUpAt, 1).toISOString() }));
    const response = await observationsRoute(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: body.join("\n") }));
    const { cascade } = (await response.json()) as { cascade: { state: string; verdict: { node: { id: string }; missing: string } | null }[] };
    expect(cascade[0]).toMatchObject({ state: "broken", verdict: { node: { id: "pickup-2" } } });
    expect(cascade[0]!.verdict!.missing).toBe('OMS received pickup.completed but recorded it as "status_update": it arrived and was processed as the wrong type');

    // Recorded as the pickup it is, the same line is an arrival.
    const applied = `APPLIED-${randomUUID().slice(0, 8)}`;
    const good = body.map((line) => line.replace(order, applied).replace('"status_update"', '"picked_up"'));
    const ok = await observationsRoute(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: good.join("\n") }));
    expect(((await ok.json()) as { cascade: { state: string }[] }).cascade[0]!.state).toBe("in_flight");
  });
});
