import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "@/lib/bus/backoff";
import { claimDeliveries } from "@/lib/bus/dispatcher";
import { envelopeOf } from "@/lib/bus/envelope";
import { signedHeaders } from "@/lib/bus/signing";
import { getDb } from "@/lib/platform/db/prisma";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { chainSteps, drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";

const db = () => getDb();
const systems = serveSystemsForThisFile();
const steps = chainSteps;
const deliveriesOf = (orderId: string) => db().delivery.findMany({ where: { orderId }, include: { event: true }, orderBy: { position: "asc" } });

describe("the integration bus", () => {
  it("carries a placement across every boundary over signed HTTP and completes the chain", async () => {
    const { store, product, orderId } = await placedOrder(2);
    await drain();

    expect((await steps(orderId, "PLACEMENT")).map((s) => [s.stepNumber, s.status, s.arrivedAt !== null])).toEqual([
      [1, "DELIVERED", true], [2, "DELIVERED", true], [3, "DELIVERED", true], [4, "DELIVERED", true], [5, "DELIVERED", true],
    ]);
    expect(await db().wmsAllocation.findMany({ where: { orderId }, select: { sku: true, quantity: true, status: true } })).toEqual([
      { sku: product.sku, quantity: 2, status: "HELD" },
    ]);
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "placed" });
    expect(await db().posOrderTask.findUnique({ where: { orderId } })).toMatchObject({ status: "new", storeCode: store.code });
    expect(await db().notificationMessage.findMany({ where: { orderId }, select: { kind: true, status: true } })).toEqual([{ kind: "order_confirmed", status: "sent" }]);
    // WMS → storefront: the allocation reached the availability cache through the WMS's own outbox.
    expect(await db().storefrontAvailability.findUnique({ where: { storeCode_sku: { storeCode: store.code, sku: product.sku } } })).toMatchObject({ available: 8 });
  });

  it("carries a cancellation through the WMS release to the storefront and the customer", async () => {
    const { store, product, orderId } = await placedOrder(3);
    await drain();
    await cancelOrder(db(), { orderId, reason: "Changed my mind", origin: "STOREFRONT" });
    await drain();

    expect((await steps(orderId, "CANCELLATION")).map((s) => [s.stepNumber, s.sourceSystem, s.targetSystem, s.status])).toEqual([
      [1, "STOREFRONT", "OMS", "DELIVERED"],
      [2, "OMS", "WMS", "DELIVERED"],
      [3, "WMS", "STOREFRONT", "DELIVERED"],
      [4, "OMS", "STOREFRONT", "DELIVERED"],
      [5, "OMS", "NOTIFICATION", "DELIVERED"],
    ]);
    expect(await db().wmsAllocation.findMany({ where: { orderId }, select: { status: true } })).toEqual([{ status: "RELEASED" }]);
    expect(await db().storefrontAvailability.findUnique({ where: { storeCode_sku: { storeCode: store.code, sku: product.sku } } })).toMatchObject({ available: 10 });
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "canceled" });
    expect(await db().posOrderTask.findUnique({ where: { orderId } })).toMatchObject({ status: "canceled" });
    expect((await db().notificationMessage.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } })).map((m) => m.kind)).toEqual(["order_confirmed", "order_canceled"]);
  });

  it("applies a duplicate once", async () => {
    const { orderId } = await placedOrder(1);
    await drain();
    const event = (await deliveriesOf(orderId)).find((d) => d.targetSystem === "WMS")!.event;
    const endpoint = await db().systemEndpoint.findUniqueOrThrow({ where: { system: "WMS" } });
    const body = JSON.stringify(envelopeOf(event));
    const resend = () => fetch(`${systems.server.url}/api/v1/systems/wms/events`, { method: "POST", headers: signedHeaders(endpoint.signingSecret, event.id, body), body });
    const responses = await Promise.all([resend(), resend()]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual([{ status: "duplicate" }, { status: "duplicate" }]);
    expect(await db().wmsAllocation.count({ where: { orderId } })).toBe(1);
    expect(await db().outboxEvent.count({ where: { orderId, source: "WMS" } })).toBe(1);
  });

  it("refuses a bad signature, a stale timestamp and an unknown system", async () => {
    const { orderId } = await placedOrder(1);
    const event = (await deliveriesOf(orderId))[0]!.event;
    const body = JSON.stringify(envelopeOf(event));
    const endpoint = await db().systemEndpoint.findUniqueOrThrow({ where: { system: "WMS" } });
    const post = (headers: Record<string, string>, system = "wms") => fetch(`${systems.server.url}/api/v1/systems/${system}/events`, { method: "POST", headers, body });

    const wrongSecret = await post(signedHeaders("whsec_" + Buffer.from("not the secret at all").toString("base64"), event.id, body));
    expect(wrongSecret.status).toBe(401);
    const stale = await post(signedHeaders(endpoint.signingSecret, event.id, body, new Date(Date.now() - 6 * 60_000)));
    expect(stale.status).toBe(401);
    expect((await stale.json()).error).toMatch(/timestamp/i);
    const unsigned = await post({ "content-type": "application/json" });
    expect(unsigned.status).toBe(401);
    expect((await post(signedHeaders(endpoint.signingSecret, event.id, body), "erp")).status).toBe(404);
    expect(await db().wmsAllocation.count({ where: { orderId } })).toBe(0);
  });

  it("rejects a payload that does not match the contract, without retrying, and marks the steps rejected", async () => {
    const { orderId } = await placedOrder(1);
    await db().$executeRaw`UPDATE "OutboxEvent" SET "payload" = "payload" - 'storeCode' WHERE "orderId" = ${orderId}::uuid AND "type" = 'order.created'`;
    await drain();
    const deliveries = await deliveriesOf(orderId);
    expect(deliveries.map((d) => [d.targetSystem, d.status, d.rejected, d.attempts, d.lastStatusCode])).toEqual(
      expect.arrayContaining([["WMS", "DEAD", true, 1, 400], ["STOREFRONT", "DEAD", true, 1, 400]]),
    );
    expect(deliveries.find((d) => d.targetSystem === "WMS")!.lastError).toContain('"path":"data.storeCode"');
    expect((await steps(orderId, "PLACEMENT")).map((s) => s.status)).toEqual(["DELIVERED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"]);
    expect(await db().wmsAllocation.count({ where: { orderId } })).toBe(0);
  });

  it("retries a failing receiver on its schedule, honouring Retry-After, and delivers once it recovers", async () => {
    const { orderId } = await placedOrder(1);
    systems.server.intercept((system) => (system === "storefront" ? new Response("down for maintenance", { status: 503, headers: { "retry-after": "120" } }) : null));
    try {
      await drain();
    } finally {
      systems.server.intercept(null);
    }
    const failing = (await deliveriesOf(orderId)).find((d) => d.targetSystem === "STOREFRONT")!;
    expect(failing).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 503 });
    const delay = failing.nextAttemptAt.getTime() - Date.now();
    expect(delay).toBeGreaterThan(110_000);
    expect(delay).toBeLessThan(125_000);
    expect((await steps(orderId, "PLACEMENT"))[3]).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringContaining("HTTP 503") });

    await db().delivery.update({ where: { id: failing.id }, data: { nextAttemptAt: new Date() } }); // the wait has passed
    await drain();
    expect((await steps(orderId, "PLACEMENT"))[3]).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "placed" });
  });

  it("does not retry a 4xx refusal, and dead-letters after the last scheduled attempt", async () => {
    const { orderId } = await placedOrder(1);
    systems.server.intercept((system) => {
      if (system === "notification") return new Response(JSON.stringify({ error: "unknown template" }), { status: 422 });
      if (system === "pos") return new Response("boom", { status: 500 });
      return null;
    });
    try {
      await drain();
      const pos = (await deliveriesOf(orderId)).find((d) => d.targetSystem === "POS")!;
      await db().delivery.update({ where: { id: pos.id }, data: { attempts: MAX_ATTEMPTS - 1, nextAttemptAt: new Date() } });
      await drain();
    } finally {
      systems.server.intercept(null);
    }
    const byTarget = new Map((await deliveriesOf(orderId)).map((d) => [d.targetSystem, d]));
    expect(byTarget.get("NOTIFICATION")).toMatchObject({ status: "DEAD", rejected: true, attempts: 1, lastStatusCode: 422 });
    expect(byTarget.get("POS")).toMatchObject({ status: "DEAD", rejected: false, attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect((await steps(orderId, "PLACEMENT")).map((s) => s.status)).toEqual(["DELIVERED", "DELIVERED", "DEAD_LETTERED", "DELIVERED", "REJECTED"]);
  });

  it("loses nothing when a worker dies mid-delivery: the lease lapses and another worker delivers it once", async () => {
    const { orderId } = await placedOrder(2);
    // A worker claims everything due, then dies before sending.
    const claimed = await claimDeliveries(db(), 1000);
    expect(claimed.some((d) => d.orderId === orderId)).toBe(true);
    await drain();
    expect((await deliveriesOf(orderId)).every((d) => d.status === "PENDING")).toBe(true);

    await db().delivery.updateMany({ where: { id: { in: claimed.map((d) => d.id) } }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    await drain();
    expect((await deliveriesOf(orderId)).map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"]);
    expect(await db().wmsAllocation.count({ where: { orderId } })).toBe(1);
  });

  it("delivers one order's events to a system in order, even when an earlier one is retrying", async () => {
    const { orderId } = await placedOrder(1);
    systems.server.intercept((system) => (system === "storefront" ? new Response("unavailable", { status: 503 }) : null));
    try {
      await drain();
      await cancelOrder(db(), { orderId, reason: "test", origin: "OMS" });
      await drain();
    } finally {
      systems.server.intercept(null);
    }
    const storefront = (await deliveriesOf(orderId)).filter((d) => d.targetSystem === "STOREFRONT" && d.event.source === "OMS");
    expect(storefront.map((d) => [d.event.type, d.attempts])).toEqual([["order.created", 1], ["order.canceled", 0]]);

    await db().delivery.updateMany({ where: { orderId, status: "PENDING" }, data: { nextAttemptAt: new Date() } });
    await drain();
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "canceled" });
  });
});
