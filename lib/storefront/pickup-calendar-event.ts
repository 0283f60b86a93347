import { createEvent } from "ics";
import type { OrderView } from "./get-order-view";

/** The pickup window as a calendar event (iCalendar), for "Add to calendar" on the order page. */
export function pickupCalendarEvent(order: OrderView, orderUrl: string): string {
  const curbside = order.pickupMethod === "CURBSIDE";
  const { error, value } = createEvent({
    uid: `pickup-${order.number}@handoff`,
    title: `Pick up order ${order.number} at ${order.store.name}`,
    start: Date.parse(order.pickupWindow.startsAt),
    end: Date.parse(order.pickupWindow.endsAt),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    location: `${order.store.name}, ${order.store.address}`,
    url: orderUrl,
    description: `${curbside ? "Curbside pickup: park in a pickup bay and tap I'm here on your order page." : "In-store pickup: come to the pickup counter with your pickup code."} Order page: ${orderUrl}`,
    status: "CONFIRMED",
    busyStatus: "FREE",
    productId: "handoff/pickup",
  });
  if (error || !value) throw error ?? new Error("The calendar event could not be written.");
  return value;
}
