import type { Tx } from "@/lib/platform/db/prisma";
import {
  linesShortedDataSchema,
  linkRequestedDataSchema,
  orderCanceledDataSchema,
  orderCreatedDataSchema,
  orderPickedUpDataSchema,
  orderReadyDataSchema,
  parseEventData,
  pickupReminderDataSchema,
  UnsupportedEventError,
} from "@/lib/oms/events";
import type { EventHandler } from "@/lib/bus/receive-event";
import {
  linesShorted,
  orderCanceled,
  orderConfirmed,
  orderLinkAgain,
  orderNotCollected,
  orderPickedUp,
  orderReady,
  type OrderFacts,
  type ComposedMessage,
} from "./compose-messages";

/** Queues each message once per (order, kind, channel); they are sent after the event commits. */
async function queue(tx: Tx, orderId: string, orderNumber: number, messages: ComposedMessage[]) {
  await tx.notificationMessage.createMany({
    data: messages.map((message) => ({ orderId, orderNumber, status: "queued", ...message })),
    skipDuplicates: true,
  });
}

const factsOf = (data: Omit<OrderFacts, "storeName"> & { storeName?: string }): OrderFacts => ({
  orderNumber: data.orderNumber,
  customer: data.customer,
  storeName: data.storeName ?? data.pickup?.store.name ?? "the store",
  pickup: data.pickup,
  shopper: data.shopper,
});

/** The notification layer turns order events into the customer's messages. */
export const applyNotificationEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  const messages = await compose(event.type, event.id, event.data);
  const orderNumber = (event.data as { orderNumber: number }).orderNumber;
  await queue(tx, event.orderId, orderNumber, messages);
  return "applied";
};

async function compose(type: string, eventId: string, data: unknown): Promise<ComposedMessage[]> {
  switch (type) {
    case "order.created": {
      const parsed = parseEventData(orderCreatedDataSchema, data);
      return orderConfirmed(factsOf(parsed), { items: parsed.lines.reduce((sum, line) => sum + line.quantity, 0), totalCents: parsed.totalCents });
    }
    case "order.ready":
      return orderReady(factsOf(parseEventData(orderReadyDataSchema, data)));
    case "order.pickup_reminder":
      return orderReady(factsOf(parseEventData(pickupReminderDataSchema, data)), "pickup_reminder");
    case "order.picked_up": {
      const parsed = parseEventData(orderPickedUpDataSchema, data);
      return orderPickedUp(factsOf(parsed), parsed);
    }
    case "order.no_show":
      return orderNotCollected(factsOf(parseEventData(orderReadyDataSchema, data)));
    case "order.lines_shorted": {
      const parsed = parseEventData(linesShortedDataSchema, data);
      return linesShorted(factsOf(parsed), `lines_shorted:${eventId}`, parsed.shorted, parsed.totalCents);
    }
    case "order.canceled": {
      const parsed = parseEventData(orderCanceledDataSchema, data);
      return orderCanceled(factsOf(parsed), parsed.reason);
    }
    case "order.link_requested": {
      const parsed = parseEventData(linkRequestedDataSchema, data);
      return orderLinkAgain(factsOf(parsed), `link_requested:${eventId}`, parsed.channel);
    }
    default:
      throw new UnsupportedEventError(type);
  }
}
