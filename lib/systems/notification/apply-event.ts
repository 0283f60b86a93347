import type { Tx } from "@/lib/db/prisma";
import { formatCents } from "@/lib/money";
import { formatOrderNumber } from "@/lib/orders/order-number";
import {
  linesShortedDataSchema,
  orderCanceledDataSchema,
  orderCreatedDataSchema,
  orderPickedUpDataSchema,
  orderReadyDataSchema,
  parseEventData,
  pickupReminderDataSchema,
  UnsupportedEventError,
} from "../order-event-data";
import type { EventHandler } from "../receive-event";

type Message = { kind: string; recipient: string; orderNumber: number; subject: string; body: string };

/** Queues a message once per (order, kind, channel); it is sent after the event commits. */
async function send(tx: Tx, orderId: string, message: Message, channel: "email" | "sms" = "email") {
  await tx.notificationMessage.createMany({ data: { orderId, channel, status: "queued", ...message }, skipDuplicates: true });
}

/** The notification layer turns order events into the customer's messages. */
export const applyNotificationEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  switch (event.type) {
    case "order.created": {
      const data = parseEventData(orderCreatedDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      const items = `${data.lines.length} ${data.lines.length === 1 ? "item" : "items"}`;
      await send(tx, event.orderId, {
        kind: "order_confirmed",
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Order ${number} is confirmed`,
        body: `Hi ${data.customer.name}, we have your order ${number} (${items}, ${formatCents(data.totalCents)}). We'll tell you when it is ready for pickup.`,
      });
      return "applied";
    }
    case "order.ready": {
      const data = parseEventData(orderReadyDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      await send(tx, event.orderId, {
        kind: "order_ready",
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Order ${number} is ready for pickup at ${data.storeName}`,
        body: `Hi ${data.customer.name}, your order ${number} is ready at ${data.storeName}. Show the pickup code from your order page at the pickup counter.`,
      });
      await send(
        tx,
        event.orderId,
        {
          kind: "order_ready",
          recipient: data.customer.phone,
          orderNumber: data.orderNumber,
          subject: `Order ${number} ready`,
          body: `Handoff: order ${number} is ready for pickup at ${data.storeName}. Show your pickup code at the counter.`,
        },
        "sms",
      );
      return "applied";
    }
    case "order.picked_up": {
      const data = parseEventData(orderPickedUpDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      const receipt = data.lines.map((line) => `${line.quantity} × ${line.name} ${formatCents(line.quantity * line.unitPriceCents)}`).join("\n");
      await send(tx, event.orderId, {
        kind: "order_picked_up",
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Receipt for order ${number}`,
        body: `Hi ${data.customer.name}, thanks for picking up order ${number} at ${data.storeName}.\n\n${receipt}\n\nCharged: ${formatCents(data.capturedCents)}`,
      });
      return "applied";
    }
    case "order.pickup_reminder": {
      const data = parseEventData(pickupReminderDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      await send(tx, event.orderId, {
        kind: "pickup_reminder",
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Reminder: order ${number} is waiting at ${data.storeName}`,
        body: `Hi ${data.customer.name}, your order ${number} is still waiting for you at ${data.storeName}${data.holdUntil ? ` until ${new Date(data.holdUntil).toUTCString()}` : ""}. After that we return the items to the shelf and cancel the order.`,
      });
      return "applied";
    }
    case "order.no_show": {
      const data = parseEventData(orderReadyDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      await send(tx, event.orderId, {
        kind: "no_show",
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Order ${number} was not collected — ship it to you instead?`,
        body: `Hi ${data.customer.name}, we held order ${number} at ${data.storeName} but it was not picked up, so we canceled it and released the hold on your card. Would you like it shipped to your home instead? Reply to this email and we'll send it.`,
      });
      return "applied";
    }
    case "order.lines_shorted": {
      const data = parseEventData(linesShortedDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      const missing = data.shorted.map((line) => `${line.quantity} × ${line.name}`).join("\n");
      await send(tx, event.orderId, {
        kind: `lines_shorted:${event.id}`,
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Order ${number}: some items were not available`,
        body: `Hi ${data.customer.name}, ${data.storeName} could not find everything on order ${number}:\n\n${missing}\n\nYou will not be charged for these. The rest of your order is on its way to the pickup counter; the new total is ${formatCents(data.totalCents)}.`,
      });
      return "applied";
    }
    case "order.canceled": {
      const data = parseEventData(orderCanceledDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      await send(tx, event.orderId, {
        kind: "order_canceled",
        recipient: data.customer.email,
        orderNumber: data.orderNumber,
        subject: `Order ${number} is canceled`,
        body: `Hi ${data.customer.name}, your order ${number} is canceled (${data.reason.toLowerCase()}). The hold on your card is released; you have not been charged.`,
      });
      return "applied";
    }
    default:
      throw new UnsupportedEventError(event.type);
  }
};
