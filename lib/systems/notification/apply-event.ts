import { formatOrderNumber } from "@/lib/orders/order-number";
import { orderCanceledDataSchema, orderCreatedDataSchema, parseEventData } from "../order-event-data";
import type { EventHandler } from "../receive-event";

/**
 * The notification layer turns order events into customer messages. Messages land in
 * its own table (the local sink); the (orderId, kind, channel) key sends each once.
 */
export const applyNotificationEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  switch (event.type) {
    case "order.created": {
      const data = parseEventData(orderCreatedDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      await tx.notificationMessage.createMany({
        data: {
          orderId: event.orderId,
          orderNumber: data.orderNumber,
          kind: "order_confirmed",
          channel: "email",
          recipient: data.customer.email,
          subject: `Order ${number} is confirmed`,
          body: `Hi ${data.customer.name}, we have your order ${number} (${data.lines.length} ${data.lines.length === 1 ? "item" : "items"}). We'll tell you when it is ready for pickup.`,
          status: "sent",
        },
        skipDuplicates: true,
      });
      return "applied";
    }
    case "order.canceled": {
      const data = parseEventData(orderCanceledDataSchema, event.data);
      const number = formatOrderNumber(data.orderNumber);
      await tx.notificationMessage.createMany({
        data: {
          orderId: event.orderId,
          orderNumber: data.orderNumber,
          kind: "order_canceled",
          channel: "email",
          recipient: data.customer.email,
          subject: `Order ${number} is canceled`,
          body: `Hi ${data.customer.name}, your order ${number} is canceled (${data.reason.toLowerCase()}). The hold on your card is released; you have not been charged.`,
          status: "sent",
        },
        skipDuplicates: true,
      });
      return "applied";
    }
    default:
      return "ignored";
  }
};
