import { EVENT } from "@/lib/bus/event-names";
import type { Tx } from "@/lib/platform/db/prisma";
import {
  linesShortedDataSchema,
  linkRequestedDataSchema,
  orderCanceledDataSchema,
  orderCreatedDataSchema,
  orderLateDataSchema,
  orderPickedUpDataSchema,
  orderReadyDataSchema,
  orderReroutedDataSchema,
  pickupReminderDataSchema,
  pickupUpdatedDataSchema,
  rerouteOfferedDataSchema,
} from "@/lib/oms/events";
import { parseEventData, UnsupportedEventError } from "@/lib/bus/event-data";
import type { EventHandler } from "@/lib/bus/receive-event";
import {
  linesShorted,
  orderCanceled,
  orderConfirmed,
  orderLinkAgain,
  orderNotCollected,
  orderPickedUp,
  orderReady,
  orderRerouted,
  pickupUpdated,
  storeOffered,
  type OrderFacts,
  type ComposedMessage,
} from "./compose-messages";
import { orderLate } from "./late-messages";

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
    case EVENT.orderCreated: {
      const parsed = parseEventData(orderCreatedDataSchema, data);
      return orderConfirmed(factsOf(parsed), { items: parsed.lines.reduce((sum, line) => sum + line.quantity, 0), totalCents: parsed.totalCents, splitFrom: parsed.splitFrom });
    }
    case EVENT.orderReady:
      return orderReady(factsOf(parseEventData(orderReadyDataSchema, data)));
    case EVENT.orderPickupReminder:
      return orderReady(factsOf(parseEventData(pickupReminderDataSchema, data)), "pickup_reminder");
    case EVENT.orderPickedUp: {
      const parsed = parseEventData(orderPickedUpDataSchema, data);
      return orderPickedUp(factsOf(parsed), parsed);
    }
    case EVENT.orderNoShow:
      return orderNotCollected(factsOf(parseEventData(orderReadyDataSchema, data)));
    case EVENT.orderLinesShorted: {
      const parsed = parseEventData(linesShortedDataSchema, data);
      // Nothing left: the cancellation that follows is the one message.
      if (parsed.canceled) return [];
      return linesShorted(factsOf(parsed), `lines_shorted:${eventId}`, parsed.shorted, parsed.totalCents, parsed.offer, parsed.split);
    }
    case EVENT.orderCanceled: {
      const parsed = parseEventData(orderCanceledDataSchema, data);
      return orderCanceled(factsOf(parsed), parsed.reason, parsed.offer);
    }
    // A reroute may happen more than once: each offer and each move is a message of its own.
    case EVENT.orderRerouteOffered: {
      const parsed = parseEventData(rerouteOfferedDataSchema, data);
      return storeOffered(factsOf(parsed), `store_offered:${eventId}`, parsed.reason, parsed.offer, parsed.expiresAt);
    }
    case EVENT.orderPickupUpdated: {
      const parsed = parseEventData(pickupUpdatedDataSchema, data);
      return pickupUpdated(factsOf(parsed), `pickup_updated:${eventId}`, parsed.change, parsed.holdUntil, parsed.collectorName);
    }
    case EVENT.orderRerouted: {
      const parsed = parseEventData(orderReroutedDataSchema, data);
      return orderRerouted(factsOf(parsed), `rerouted:${eventId}`, parsed.previousStore.name, parsed.reason, parsed.trigger === "LATE");
    }
    case EVENT.orderLate: {
      const parsed = parseEventData(orderLateDataSchema, data);
      return orderLate(factsOf(parsed), { ...parsed, eventId });
    }
    case EVENT.orderLinkRequested: {
      const parsed = parseEventData(linkRequestedDataSchema, data);
      return orderLinkAgain(factsOf(parsed), `link_requested:${eventId}`, parsed.channel);
    }
    default:
      throw new UnsupportedEventError(type);
  }
}
