import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { LINK_REQUESTS_PER_CLIENT, LINK_REQUESTS_PER_ORDER, requestOrderLink } from "@/lib/oms/orders/request-order-link";
import { drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";

// The one thing faked is where the request came from: next/headers needs a live request.
const client = vi.hoisted(() => ({ ip: "203.0.113.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": client.ip }) }));
const { findOrderAction } = await import("@/app/(shop)/find-order/actions");

const db = () => getDb();
serveSystemsForThisFile();

const ask = (orderNumber: string, contact: string) => {
  const form = new FormData();
  form.set("orderNumber", orderNumber);
  form.set("contact", contact);
  return findOrderAction(null, form);
};
const newClient = () => (client.ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`);

describe("Find my order", () => {
  it("sends the order's link again to the email or the phone the shopper names", async () => {
    newClient();
    const { orderId, orderNumber } = await placedOrder(1);
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    await drain();

    expect(await ask(formatOrderNumber(orderNumber), order.customerEmail.toUpperCase())).toMatchObject({ ok: true });
    expect(await ask(String(orderNumber), "(512) 555-0100")).toMatchObject({ ok: true });
    await drain();
    const messages = await db().notificationMessage.findMany({ where: { orderId, kind: { startsWith: "link_requested:" } }, orderBy: { channel: "asc" } });
    expect(messages.map((message) => [message.channel, message.recipient])).toEqual([
      ["email", order.customerEmail],
      ["sms", order.customerPhone],
    ]);
    for (const message of messages) {
      expect(message.body).toContain(`/orders/${order.accessToken}`);
      expect(message.body).toContain(formatOrderNumber(orderNumber));
    }
  });

  it("answers the same whether or not the order exists or the contact matches, and sends nothing when they do not", async () => {
    newClient();
    const { orderId, orderNumber } = await placedOrder(1);
    await drain();
    const wrongContact = await ask(formatOrderNumber(orderNumber), "someone-else@example.com");
    const noSuchOrder = await ask("H-2147000000", "someone-else@example.com");
    expect(wrongContact).toEqual({ ok: true, message: expect.stringContaining("If H-") });
    expect(noSuchOrder?.message.replace(/H-\d+/, "H-?")).toBe(wrongContact?.message.replace(/H-\d+/, "H-?"));
    await drain();
    expect(await db().notificationMessage.count({ where: { orderId, kind: { startsWith: "link_requested:" } } })).toBe(0);
  });

  it("refuses a malformed order number or an empty contact with the field's reason, and sends nothing", async () => {
    newClient();
    expect(await ask("banana", "")).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fields: { orderNumber: "An order number looks like H-100012.", contact: "Enter the email or phone number you ordered with." },
    });
  });

  it("limits how often one order's link and one client may ask", async () => {
    const { orderId, orderNumber } = await placedOrder(1);
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } });
    const now = new Date();
    const request = { orderNumber, contact: order.customerEmail };
    for (let i = 0; i < LINK_REQUESTS_PER_ORDER.limit; i++) expect(await requestOrderLink(db(), request, `client-${randomUUID()}`, now)).toEqual({ kind: "answered" });
    expect(await requestOrderLink(db(), request, `client-${randomUUID()}`, now)).toMatchObject({ kind: "rate_limited", retryAfterSeconds: expect.any(Number) });

    const busy = `client-${randomUUID()}`;
    for (let i = 0; i < LINK_REQUESTS_PER_CLIENT.limit; i++) await requestOrderLink(db(), { orderNumber: 2_000_000_000 + i, contact: "x@example.com" }, busy, now);
    expect(await requestOrderLink(db(), { orderNumber: 2_100_000_000, contact: "x@example.com" }, busy, now)).toMatchObject({ kind: "rate_limited" });
    await drain();
    expect(await db().notificationMessage.count({ where: { orderId, kind: { startsWith: "link_requested:" } } })).toBe(LINK_REQUESTS_PER_ORDER.limit);
  });
});
