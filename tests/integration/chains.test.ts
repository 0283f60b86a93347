import { describe, expect, it } from "vitest";
import { signedHeaders } from "@/lib/bus/signing";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { chainSteps, drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";
import { stockOf } from "../support/factories";

const db = () => getDb();
const systems = serveSystemsForThisFile();

async function readyOrder(quantity = 2) {
  const placed = await placedOrder(quantity);
  await drain();
  await recordPosEvent(db(), { orderId: placed.orderId, type: "order.ready", associate: "A-17", data: { stagingBin: "A-12" } });
  await drain();
  return placed;
}

/** An external POS posting to the OMS's inbound API with the POS's signing secret. */
async function postFromPos(event: Record<string, unknown>, options: { webhookId?: string; at?: Date; secret?: string } = {}) {
  const secret = options.secret ?? (await db().systemEndpoint.findUniqueOrThrow({ where: { system: "POS" } })).signingSecret;
  const body = JSON.stringify(event);
  const response = await fetch(`${systems.server.url}/api/v1/events/pos`, {
    method: "POST",
    headers: signedHeaders(secret, options.webhookId ?? crypto.randomUUID(), body, options.at),
    body,
  });
  return { status: response.status, body: (await response.json()) as { status?: string; error?: string; fields?: { path: string; message: string }[] } };
}

describe("the ready chain", () => {
  it("carries the store's ready from the POS through the OMS to the storefront, the customer and the WMS", async () => {
    const { orderId } = await readyOrder();
    expect((await chainSteps(orderId, "READY")).map((s) => [s.stepNumber, s.sourceSystem, s.targetSystem, s.status])).toEqual([
      [1, "POS", "POS", "DELIVERED"],
      [2, "POS", "OMS", "DELIVERED"],
      [3, "OMS", "STOREFRONT", "DELIVERED"],
      [4, "OMS", "NOTIFICATION", "DELIVERED"],
      [5, "OMS", "WMS", "DELIVERED"],
    ]);
    // The WMS knows which bin holds the held units.
    expect((await db().wmsAllocation.findMany({ where: { orderId } })).map((line) => [line.status, line.stagingBin])).toEqual([["HELD", "A-12"]]);
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("READY");
    expect(order.readyAt).not.toBeNull();
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "ready" });
    expect(await db().notificationMessage.findFirst({ where: { orderId, kind: "order_ready" } })).toMatchObject({ subject: expect.stringContaining("ready for pickup") });
    const events = await db().outboxEvent.findMany({ where: { orderId, source: "OMS" }, orderBy: { position: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["order.created", "order.picking_started", "order.ready"]);
  });
});

describe("the pickup chain (seed 000)", () => {
  it("crosses all six nodes and the availability update, capturing the payment once", async () => {
    const { store, product, orderId } = await readyOrder(2);
    await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-17", data: { verifiedBy: "pickup_code" } });
    await drain();

    expect((await chainSteps(orderId, "PICKUP")).map((s) => [s.stepNumber, s.sourceSystem, s.targetSystem, s.status])).toEqual([
      [1, "POS", "POS", "DELIVERED"],
      [2, "POS", "OMS", "DELIVERED"],
      [3, "OMS", "OMS", "DELIVERED"],
      [4, "OMS", "WMS", "DELIVERED"],
      [5, "OMS", "STOREFRONT", "DELIVERED"],
      [6, "OMS", "NOTIFICATION", "DELIVERED"],
      [7, "WMS", "STOREFRONT", "DELIVERED"],
    ]);
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { payment: true, lines: { include: { reservation: true } } } });
    expect(order).toMatchObject({ status: "PICKED_UP", payment: { status: "CAPTURED", capturedCents: order.totalCents } });
    expect(order.lines[0]!.reservation).toMatchObject({ status: "CONSUMED" });
    expect(await stockOf(db(), store.id, product.id)).toMatchObject({ onHand: 8, allocated: 0 });
    expect(await db().wmsAllocation.findMany({ where: { orderId }, select: { status: true, stagingBin: true } })).toEqual([{ status: "CONSUMED", stagingBin: null }]);
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "picked_up" });
    expect(await db().notificationMessage.findFirst({ where: { orderId, kind: "order_picked_up" } })).toMatchObject({ body: expect.stringContaining("Charged:") });
    expect(await db().posEventLog.findMany({ where: { orderId }, select: { type: true, associate: true } })).toEqual([
      { type: "order.ready", associate: "A-17" },
      { type: "pickup.completed", associate: "A-17" },
    ]);
    expect(await db().testProviderCharge.count({ where: { operation: "capture", reference: order.payment!.providerRef } })).toBe(1);
  });
});

describe("a cancellation at the POS (seed 001's write-back)", () => {
  it("reaches the OMS, which releases, voids and tells everyone", async () => {
    const { orderId, store, product } = await placedOrder(3);
    await drain();
    await recordPosEvent(db(), { orderId, type: "order.canceled", associate: "A-3", data: { reason: "Damaged" } });
    expect((await chainSteps(orderId, "CANCELLATION"))[0]).toMatchObject({ sourceSystem: "POS", targetSystem: "OMS", status: "PENDING" });
    await drain();

    expect((await chainSteps(orderId, "CANCELLATION")).map((s) => s.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"]);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "CANCELED", cancelReason: "Damaged" });
    expect((await stockOf(db(), store.id, product.id)).allocated).toBe(0);
    expect(await db().storefrontOrderView.findUnique({ where: { orderId } })).toMatchObject({ status: "canceled" });
  });
});

describe("the OMS inbound API for an external POS", () => {
  it("accepts a signed pickup-complete, applies it once and answers 202", async () => {
    const { orderId, orderNumber } = await readyOrder(1);
    const event = { type: "pickup.completed", orderNumber: formatOrderNumber(orderNumber), occurredAt: new Date().toISOString(), data: { associate: "ext-42", verifiedBy: "qr_code" } };
    const first = await postFromPos(event, { webhookId: `ext-${orderId}` });
    const again = await postFromPos(event, { webhookId: `ext-${orderId}` });
    expect(first).toEqual({ status: 202, body: { status: "applied" } });
    expect(again).toEqual({ status: 202, body: { status: "duplicate" } });
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PICKED_UP" });
    expect(await db().outboxEvent.count({ where: { orderId, type: "order.picked_up" } })).toBe(1);
    expect((await chainSteps(orderId, "PICKUP")).slice(0, 3).map((s) => s.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);
  });

  it("answers 400 with each field's problem, keeps the refusal and marks the step rejected", async () => {
    const { orderId, orderNumber } = await readyOrder(1);
    await recordPosEvent(db(), { orderId, type: "pickup.completed", associate: "A-1" }); // the chain is waiting for step 2
    const wrongShape = await postFromPos({ type: "pickup.completed", orderNumber, occurredAt: "yesterday", data: {} });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.fields).toEqual([{ path: "occurredAt", message: "occurredAt must be an ISO 8601 date-time" }]);

    const missingAssociate = await postFromPos({ type: "pickup.completed", orderNumber, occurredAt: new Date().toISOString(), data: { verifiedBy: "telepathy" } });
    expect(missingAssociate.status).toBe(400);
    expect(missingAssociate.body.fields?.map((f) => f.path).sort()).toEqual(["data.associate", "data.verifiedBy"]);
    expect((await chainSteps(orderId, "PICKUP"))[1]).toMatchObject({ status: "REJECTED", lastError: expect.stringContaining("data.associate") });

    // Seed 000: the event arrives written as a different type than the OMS expects.
    const wrongType = await postFromPos({ type: "order.status_update", orderNumber, occurredAt: new Date().toISOString(), data: { status: "complete" } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.fields?.[0]?.path).toBe("type");

    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "READY" });
    expect(await db().inboundRejection.count({ where: { orderNumber } })).toBe(2);
  });

  it("takes short lines from an external POS, and refuses ones the order does not have with 400", async () => {
    const { orderId, orderNumber, product } = await placedOrder(2);
    await drain();
    const at = new Date().toISOString();
    const before = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });

    const unknownSku = await postFromPos({ type: "order.lines_shorted", orderNumber, occurredAt: at, data: { lines: [{ sku: "NOPE-1", quantity: 1, reason: "Not found" }] } });
    expect(unknownSku).toMatchObject({ status: 400, body: { fields: [{ path: "data.lines", message: "The order has no line NOPE-1." }] } });
    const tooMany = await postFromPos({ type: "order.lines_shorted", orderNumber, occurredAt: at, data: { lines: [{ sku: product.sku, quantity: 3, reason: "Not found" }] } });
    expect(tooMany).toMatchObject({ status: 400, body: { error: expect.stringContaining("Only 2") } });
    const noReason = await postFromPos({ type: "order.lines_shorted", orderNumber, occurredAt: at, data: { lines: [{ sku: product.sku, quantity: 1 }] } });
    expect(noReason.body.fields?.map((f) => f.path)).toEqual(["data.lines.0.reason"]);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } })).toEqual(before);

    expect((await postFromPos({ type: "order.lines_shorted", orderNumber, occurredAt: at, data: { lines: [{ sku: product.sku, quantity: 1, reason: "Damaged" }] } })).status).toBe(202);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ totalCents: before.totalCents / 2, status: "PLACED" });
  });

  it("answers 404 for an unknown order, 401 for a bad signature or a stale timestamp, 409 for a pickup that is not ready", async () => {
    const event = { type: "pickup.completed", orderNumber: "H-999999999", occurredAt: new Date().toISOString(), data: { associate: "x" } };
    expect((await postFromPos(event)).status).toBe(404);
    expect((await postFromPos(event, { secret: "whsec_" + Buffer.from("some other secret").toString("base64") })).status).toBe(401);
    expect((await postFromPos(event, { at: new Date(Date.now() - 10 * 60_000) })).status).toBe(401);

    const { orderId, orderNumber } = await placedOrder(1);
    const early = await postFromPos({ ...event, orderNumber });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/cannot become picked up/);
    expect(await db().order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PLACED" });
  });
});
