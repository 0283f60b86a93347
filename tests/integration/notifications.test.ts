import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { pickupCodeFor } from "@/lib/platform/security/pickup-code";
import { markShort } from "@/lib/pos/store-queue/pick";
import { recordPosEvent } from "@/lib/pos/record-pos-event";
import { resetTransports } from "@/lib/notification/transports";
import { chainSteps, drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";

const db = () => getDb();
const systems = serveSystemsForThisFile();

// A real SMTP server on loopback: what the notification layer sends arrives here.
const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.endsWith("@bounce.example")) return callback(new Error("550 mailbox unavailable"));
    callback();
  },
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  resetTransports();
});
afterAll(async () => {
  resetTransports();
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("notifications over SMTP", () => {
  it("emails the customer their order confirmation", async () => {
    const { orderId, orderNumber } = await placedOrder(1);
    await drain();
    const message = await db().notificationMessage.findFirstOrThrow({ where: { orderId, kind: "order_confirmed" } });
    expect(message).toMatchObject({ status: "sent", error: null });
    const mail = received.find((m) => m.raw.includes(`Order ${formatOrderNumber(orderNumber)} is confirmed`));
    expect(mail?.to).toEqual([message.recipient]);
    expect(mail?.raw.replace(/=\r\n/g, "")).toContain("tell you when it is ready for pickup.");
  });

  it("marks an undeliverable email failed, in the notification layer's own lane, while the bus step stays delivered", async () => {
    const { createStore, createProduct, firstSlot } = await import("../support/factories");
    const { placeOrder } = await import("@/lib/oms/orders/place-order");
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 5 });
    const slot = await firstSlot(db(), store.id, new Date());
    const placed = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, email: "nobody@bounce.example", lines: [{ productId: product.id, quantity: 1 }] }));
    await drain();
    const message = await db().notificationMessage.findFirstOrThrow({ where: { orderId: placed.orderId, kind: "order_confirmed" } });
    expect(message.status).toBe("failed");
    expect(message.error).toMatch(/550|mailbox unavailable/);
    expect((await chainSteps(placed.orderId, "PLACEMENT"))[4]).toMatchObject({ targetSystem: "NOTIFICATION", status: "DELIVERED" });
  });
});

/** The mail that arrived for a subject, parsed (HTML, text part and inline images). */
async function mailAbout(subject: string): Promise<ParsedMail> {
  const raw = received.find((mail) => mail.raw.replace(/=\r\n/g, "").includes(subject))?.raw;
  expect(raw, `a mail about "${subject}"`).toBeDefined();
  return simpleParser(raw!, { keepCidLinks: true });
}

/** An HTML part's words, tags and React's comment markers left out. */
const words = (html: string | false | undefined) => (html || "").replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function orderWith(pickupMethod: "IN_STORE" | "CURBSIDE") {
  const store = await createStore(db());
  const product = await createProduct(db(), store.id, { onHand: 5 });
  const extra = await createProduct(db(), store.id, { onHand: 5 });
  const slot = await firstSlot(db(), store.id, new Date());
  const placed = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, pickupMethod, lines: [{ productId: product.id, quantity: 1 }, { productId: extra.id, quantity: 1 }] }));
  await drain();
  const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId } });
  return { store, order, extra, number: formatOrderNumber(order.number), link: `/orders/${order.accessToken}`, code: pickupCodeFor(order.accessToken) };
}

describe("what every message tells the shopper", () => {
  it("confirms with the order number, the store and its address, the window, in-store instructions and the order link, as HTML with a text part", async () => {
    const { store, number, link } = await orderWith("IN_STORE");
    const mail = await mailAbout(`Order ${number} is confirmed`);
    for (const part of [words(mail.html), mail.text!]) {
      expect(part).toContain(number);
      expect(part).toContain(store.name);
      expect(part).toContain("1 Test Way, Austin, TX 78701");
      expect(part).toMatch(/Pickup window:\s*\w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M – \d{1,2}:\d{2} [AP]M UTC/);
      expect(part).toContain("pickup counter");
    }
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="http://localhost:3000${link}"`);
  });

  it("sends curbside shoppers to a bay, never to the counter, with the pickup QR code inline and \"I'm here\" in the ready email and SMS", async () => {
    const { order, extra, number, link, code } = await orderWith("CURBSIDE");
    const associate = { id: randomUUID(), name: "Ana", email: "ana@example.com", role: "ASSOCIATE" as const, storeIds: [order.storeId] };
    await markShort(db(), associate, { orderNumber: order.number, sku: extra.sku, quantity: 1, reason: "Not found" }, null);
    await drain();
    await recordPosEvent(db(), { orderId: order.id, type: "order.ready", associate: "A-1", data: { stagingBin: "C-1" } });
    await drain();

    const short = await mailAbout(`Order ${number}: some items were not available`);
    expect(short.text).toContain("curbside");
    expect(short.text).not.toMatch(/counter/i);

    const ready = await mailAbout(`Order ${number} is ready for pickup at`);
    expect(ready.text).toContain("Park in a marked curbside pickup bay");
    expect(ready.text).not.toMatch(/counter/i);
    expect(ready.text).toContain(code);
    expect(ready.text).toContain(`${link}#check-in`);
    const qr = ready.attachments.find((attachment) => attachment.contentId === "<pickup-qr>");
    expect(qr).toMatchObject({ contentType: "image/png", contentDisposition: "inline" });
    expect(ready.html).toContain('src="cid:pickup-qr"');

    const sms = await db().notificationMessage.findFirstOrThrow({ where: { orderId: order.id, kind: "order_ready", channel: "sms" } });
    expect(sms.body).toContain(number);
    expect(sms.body).toContain("curbside bay");
    expect(sms.body).toContain(`${link}#check-in`);
    expect(sms.body).not.toMatch(/counter/i);
  });

  it("tells in-store shoppers to come to the counter with their code, in the ready SMS too", async () => {
    const { order, number, link, code } = await orderWith("IN_STORE");
    await recordPosEvent(db(), { orderId: order.id, type: "order.ready", associate: "A-1", data: { stagingBin: "C-2" } });
    await drain();
    const ready = await mailAbout(`Order ${number} is ready for pickup at`);
    expect(ready.text).toContain("Come to the pickup counter");
    const sms = await db().notificationMessage.findFirstOrThrow({ where: { orderId: order.id, kind: "order_ready", channel: "sms" } });
    expect(sms.body).toContain(`show code ${code} at the counter`);
    expect(sms.body).toContain(link);
  });
});

describe("the shopper's link and pickup code on the bus", () => {
  it("reach the notification layer only, and are never stored in the outbox", async () => {
    const seen: { system: string; body: string }[] = [];
    systems.server.intercept(async (system, request) => {
      seen.push({ system, body: await request.text() });
      return null;
    });
    try {
      const { order, link, code } = await orderWith("IN_STORE");
      await recordPosEvent(db(), { orderId: order.id, type: "order.ready", associate: "A-1", data: { stagingBin: "C-3" } });
      await drain();
      const mine = seen.filter((request) => request.body.includes(order.id));
      expect(new Set(mine.map((request) => request.system))).toEqual(new Set(["wms", "pos", "storefront", "notification", "oms<-pos"]));
      for (const request of mine) {
        const leaks = request.body.includes(link) || request.body.includes(`"pickupCode"`) || request.body.includes(`"${code}"`);
        expect([request.system, leaks]).toEqual([request.system, request.system === "notification"]);
      }
      const stored = await db().outboxEvent.findMany({ where: { orderId: order.id }, select: { payload: true } });
      expect(JSON.stringify(stored)).not.toContain(order.accessToken);
      expect(JSON.stringify(stored)).not.toContain(`"pickupCode"`);
    } finally {
      systems.server.intercept(null);
    }
  });
});
