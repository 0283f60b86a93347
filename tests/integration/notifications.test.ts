import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/prisma";
import { formatOrderNumber } from "@/lib/orders/order-number";
import { resetTransports } from "@/lib/systems/notification/transports";
import { chainSteps, drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";
import { orderInput } from "./factories";

const db = () => getDb();
serveSystemsForThisFile();

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
    const { createStore, createProduct, firstSlot } = await import("./factories");
    const { placeOrder } = await import("@/lib/orders/place-order");
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
