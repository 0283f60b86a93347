import { render, toPlainText } from "@react-email/components";
import { lowerFirst } from "@/lib/platform/format/lower-first";
import type { z } from "zod";
import { formatCents } from "@/lib/platform/money";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { formatStoreDateTime, formatStoreWindow } from "@/lib/platform/format/store-time";
import { DECLINED_AT_HANDOVER, type pickupDetailsSchema, type shopperAccessSchema } from "@/lib/oms/events";
import { OrderEmail, type OrderEmailProps } from "@/lib/notification/emails/order-email";
import { howToCollect, pickupName, restOfOrder, whatHappensNext } from "./pickup-wording";

type PickupDetails = z.infer<typeof pickupDetailsSchema>;
type ShopperAccess = z.infer<typeof shopperAccessSchema>;

/** One message for the notification layer to queue. */
export type ComposedMessage = {
  kind: string;
  channel: "email" | "sms";
  recipient: string;
  subject: string;
  body: string;
  html: string | null;
  qrPayload: string | null;
};

/** What every message about an order draws on. */
export type OrderFacts = {
  orderNumber: number;
  customer: { name: string; email: string; phone: string };
  storeName: string;
  pickup?: PickupDetails;
  shopper?: ShopperAccess;
};

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The order page, and "Find my order" beside it for a shopper who lost the link. */
function links(facts: OrderFacts) {
  if (!facts.shopper) return null;
  const url = new URL(facts.shopper.orderUrl);
  return { order: facts.shopper.orderUrl, checkIn: `${facts.shopper.orderUrl}#check-in`, find: `${url.origin}/find-order` };
}

export function pickupDetails(facts: OrderFacts, { withHold }: { withHold: boolean }) {
  const number = formatOrderNumber(facts.orderNumber);
  const { pickup } = facts;
  if (!pickup) return [{ label: "Order", value: number }, { label: "Store", value: facts.storeName }];
  const zone = pickup.store.timeZone;
  return [
    { label: "Order", value: number },
    { label: pickup.method === "CURBSIDE" ? "Curbside pickup at" : "In-store pickup at", value: `${pickup.store.name}, ${pickup.store.address}` },
    { label: "Pickup window", value: formatStoreWindow(new Date(pickup.window.startsAt), new Date(pickup.window.endsAt), zone) },
    ...(withHold && pickup.holdUntil ? [{ label: "We hold it until", value: formatStoreDateTime(new Date(pickup.holdUntil), zone) }] : []),
  ];
}

function footer(facts: OrderFacts): string[] {
  const link = links(facts);
  return [
    ...(facts.pickup?.store.phone ? [`Questions? Call ${facts.pickup.store.name} at ${facts.pickup.store.phone}.`] : []),
    ...(link ? [`Lost this message? Find your order at ${link.find} with its number and your email or phone.`] : []),
  ];
}

export async function email(kind: string, facts: OrderFacts, subject: string, props: Omit<OrderEmailProps, "footer" | "preview">, qrPayload: string | null = null): Promise<ComposedMessage> {
  const html = await render(<OrderEmail {...props} preview={subject} footer={footer(facts)} />);
  return { kind, channel: "email", recipient: facts.customer.email, subject, body: toPlainText(html), html, qrPayload };
}

export function sms(kind: string, facts: OrderFacts, subject: string, body: string): ComposedMessage {
  return { kind, channel: "sms", recipient: facts.customer.phone, subject, body, html: null, qrPayload: null };
}

export const viewOrder = (facts: OrderFacts) => {
  const link = links(facts);
  return link ? { label: "View your order", href: link.order } : undefined;
};

export async function orderConfirmed(facts: OrderFacts, order: { items: number; totalCents: number; splitFrom?: { orderNumber: number; storeName: string; reason: string } }): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const method = facts.pickup?.method ?? "IN_STORE";
  const store = facts.pickup?.store.name ?? facts.storeName;
  if (order.splitFrom) {
    const first = formatOrderNumber(order.splitFrom.orderNumber);
    return [
      await email("order_confirmed", facts, `Order ${number}: the rest of order ${first}, at ${store}`, {
        heading: `The rest of order ${first} is at ${store}`,
        intro: [
          `Hi ${firstName(facts.customer.name)}, ${order.splitFrom.storeName} could not find everything on order ${first} (${order.splitFrom.reason}), so we placed those items at ${store} as order ${number}: ${plural(order.items, "item")}, ${formatCents(order.totalCents)}.`,
          "It has its own pickup code. Your card is charged for it only when you pick it up.",
        ],
        details: pickupDetails(facts, { withHold: false }),
        instructions: whatHappensNext(method),
        action: viewOrder(facts),
      }),
      sms("order_confirmed", facts, `Order ${number}: the rest of order ${first}`, `Handoff: ${order.splitFrom.storeName} could not find everything on order ${first}; we placed those items at ${store} as order ${number}. We'll text when it is ready${links(facts) ? `: ${links(facts)!.order}` : "."}`),
    ];
  }
  return [
    await email("order_confirmed", facts, `Order ${number} is confirmed: ${pickupName(method)} at ${facts.pickup?.store.name ?? facts.storeName}`, {
      heading: `Thanks, ${firstName(facts.customer.name)}! We have your order.`,
      intro: [`Order ${number}: ${plural(order.items, "item")}, ${formatCents(order.totalCents)}. Your card is authorized now and charged only when you pick up.`],
      details: pickupDetails(facts, { withHold: false }),
      instructions: whatHappensNext(method),
      action: viewOrder(facts),
    }),
  ];
}

export async function orderReady(facts: OrderFacts, kind = "order_ready"): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const method = facts.pickup?.method ?? "IN_STORE";
  const link = links(facts);
  const code = facts.shopper?.pickupCode;
  const store = facts.pickup?.store.name ?? facts.storeName;
  const hold = facts.pickup?.holdUntil ? ` We hold it until ${formatStoreDateTime(new Date(facts.pickup.holdUntil), facts.pickup.store.timeZone)}.` : "";
  const reminder = kind === "pickup_reminder";
  const subject = reminder ? `Reminder: order ${number} is waiting at ${store}` : `Order ${number} is ready for pickup at ${store} (${method === "CURBSIDE" ? "curbside" : "in store"})`;
  const arrive = method === "CURBSIDE" ? "Park in a curbside bay and tap I'm here" : `Tap I'm here when you arrive and show code ${code ?? "from your order page"} at the counter`;
  return [
    await email(
      kind,
      facts,
      subject,
      {
        heading: reminder ? "Your order is still waiting for you" : method === "CURBSIDE" ? "Your order is ready for curbside pickup" : "Your order is ready for pickup",
        intro: [`Hi ${firstName(facts.customer.name)}, order ${number} is ${reminder ? "still " : ""}waiting for you at ${store}.${hold}`],
        pickupCode: code,
        details: pickupDetails(facts, { withHold: false }),
        instructions: howToCollect(method),
        action: link ? { label: "I'm here", href: link.checkIn } : undefined,
      },
      code ? `HANDOFF:${number}:${code}` : null,
    ),
    sms(kind, facts, subject, `Handoff: order ${number} is ${reminder ? "still waiting" : "ready"} at ${store}${facts.pickup ? `, ${facts.pickup.store.address}` : ""}.${hold} ${arrive}${link ? `: ${link.checkIn}` : "."}${method === "CURBSIDE" && code ? ` Pickup code ${code}.` : ""}`),
  ];
}

export async function orderPickedUp(facts: OrderFacts, receipt: { lines: { name: string; quantity: number; unitPriceCents: number }[]; capturedCents: number }): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  return [
    await email("order_picked_up", facts, `Receipt for order ${number}`, {
      heading: "Thanks for picking up your order",
      intro: [
        `Hi ${firstName(facts.customer.name)}, you picked up order ${number} at ${facts.pickup?.store.name ?? facts.storeName}.`,
        ...receipt.lines.map((line) => `${line.quantity} × ${line.name}: ${formatCents(line.quantity * line.unitPriceCents)}`),
        `Charged: ${formatCents(receipt.capturedCents)}`,
      ],
      details: pickupDetails(facts, { withHold: false }).slice(0, 2),
      action: viewOrder(facts),
    }),
  ];
}

export async function orderNotCollected(facts: OrderFacts): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  return [
    await email("no_show", facts, `Order ${number} was not collected — ship it to you instead?`, {
      heading: "We missed you",
      intro: [
        `Hi ${firstName(facts.customer.name)}, we held order ${number} at ${facts.pickup?.store.name ?? facts.storeName} but it was not picked up, so we canceled it and released the hold on your card.`,
        "Would you like it shipped to your home instead? Reply to this email and we'll send it.",
      ],
      details: pickupDetails(facts, { withHold: true }),
      action: viewOrder(facts),
    }),
  ];
}

export async function linesShorted(
  facts: OrderFacts,
  kind: string,
  shorted: { name: string; quantity: number; reason: string }[],
  totalCents: number,
  offer?: StoreOffer & { answerBy: string; units?: { name: string; quantity: number }[] },
  split?: SplitOff,
): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const method = facts.pickup?.method ?? "IN_STORE";
  // Items handed back at the counter: a receipt of what was left out, not an apology.
  if (shorted.every((line) => line.reason === DECLINED_AT_HANDOVER)) {
    return [
      await email(kind, facts, `Order ${number}: items you declined`, {
        heading: "Items you declined",
        intro: [
          `Hi ${firstName(facts.customer.name)}, at ${facts.pickup?.store.name ?? facts.storeName} you declined:`,
          ...shorted.map((line) => `${line.quantity} × ${line.name}`),
          `You will not be charged for these. The new total is ${formatCents(totalCents)}.`,
        ],
        details: pickupDetails(facts, { withHold: false }),
        action: viewOrder(facts),
      }),
    ];
  }
  // The retailer asks first: a store with every unit can take the whole order instead.
  // …or, when none has it all, one with the missing units alone (an order of their own there).
  const instead = offer
    ? offer.units
      ? `${offer.storeName} has ${offer.units.map((unit) => `${unit.quantity} × ${unit.name}`).join(", ")}: collect ${them(offer.units)} there by ${formatStoreDateTime(new Date(offer.readyBy), offer.timeZone)} as an order of its own by accepting on your order page by ${formatStoreDateTime(new Date(offer.answerBy), offer.timeZone)}. Without an answer your order stays as it is, without ${them(offer.units)}.`
      : `Or pick up everything at ${offer.storeName} by ${formatStoreDateTime(new Date(offer.readyBy), offer.timeZone)} instead: accept it on your order page by ${formatStoreDateTime(new Date(offer.answerBy), offer.timeZone)}. Without an answer your order stays where it is.`
    : null;
  const link = links(facts);
  const elsewhere = split ? splitOffWording(split) : null;
  return [
    await email(kind, facts, split ? `Order ${number}: some items are coming from ${split.storeName}` : `Order ${number}: some items were not available`, {
      heading: split ? `Some items are coming from ${split.storeName}` : "Some items were not available",
      intro: [
        `Hi ${firstName(facts.customer.name)}, ${facts.pickup?.store.name ?? facts.storeName} could not find everything on order ${number}:`,
        ...shorted.map((line) => `${line.quantity} × ${line.name}`),
        ...(elsewhere ? [elsewhere, `The rest of order ${number} is now ${formatCents(totalCents)}.`] : [`You will not be charged for these. The new total is ${formatCents(totalCents)}.`]),
        ...(instead ? [instead] : []),
      ],
      details: pickupDetails(facts, { withHold: false }),
      instructions: restOfOrder(method),
      action: offer && link ? { label: offer.units ? `Get them at ${offer.storeName}` : `Pick up at ${offer.storeName} instead`, href: link.order } : viewOrder(facts),
    }),
    ...(elsewhere ? [sms(kind, facts, `Order ${number}: some items are coming from ${split!.storeName}`, `Handoff: ${facts.storeName} could not find everything on order ${number}. ${elsewhere}`)] : []),
    ...(instead ? [sms(kind, facts, offer!.units ? `Order ${number}: get the missing items at ${offer!.storeName}?` : `Order ${number}: pick up everything at ${offer!.storeName}?`, `Handoff: ${facts.storeName} could not find everything on order ${number}. ${instead}${link ? ` ${link.order}` : ""}`)] : []),
  ];
}

export async function orderCanceled(facts: OrderFacts, reason: string, offer?: "ship_to_home"): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  return [
    await email("order_canceled", facts, offer ? `Order ${number} is canceled — ship it to you instead?` : `Order ${number} is canceled`, {
      heading: "Your order is canceled",
      intro: [
        `Hi ${firstName(facts.customer.name)}, your order ${number} is canceled (${lowerFirst(reason)}). The hold on your card is released; you have not been charged.`,
        ...(offer ? ["Would you like it shipped to your home instead? Reply to this email and we'll send it."] : []),
      ],
      details: pickupDetails(facts, { withHold: false }).slice(0, 2),
      action: viewOrder(facts),
    }),
  ];
}

/** Where the shopper could collect instead, as the OMS offers it. */
const them = (units: { quantity: number }[]) => (units.length === 1 && units[0]!.quantity === 1 ? "it" : "them");

/** The short units placed at another store as an order of their own. */
export type SplitOff = StoreOffer & { orderNumber: number; totalCents: number };

function splitOffWording(split: SplitOff): string {
  return `We found them at ${split.storeName}, ${split.address}: they are now order ${formatOrderNumber(split.orderNumber)}, ready by ${formatStoreDateTime(new Date(split.readyBy), split.timeZone)}, ${formatCents(split.totalCents)} charged when you pick them up there. Its confirmation, with its own pickup code, follows.`;
}

export type StoreOffer = { storeName: string; address: string; timeZone: string; readyBy: string; window: { startsAt: string; endsAt: string } };

/** The store could not fill the order: "Pick up at Cedar Park by 4:30 PM instead?", accept or cancel by a deadline. */
export async function storeOffered(facts: OrderFacts, kind: string, reason: string, offer: StoreOffer, expiresAt: string): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const readyBy = formatStoreDateTime(new Date(offer.readyBy), offer.timeZone);
  const answerBy = formatStoreDateTime(new Date(expiresAt), offer.timeZone);
  const subject = `Order ${number}: pick up at ${offer.storeName} by ${readyBy} instead?`;
  const link = links(facts);
  return [
    await email(kind, facts, subject, {
      heading: `Pick up at ${offer.storeName} instead?`,
      intro: [
        `Hi ${firstName(facts.customer.name)}, ${facts.storeName} cannot fill order ${number} (${lowerFirst(reason)}).`,
        `${offer.storeName} has everything on it and can have it ready by ${readyBy}. Accept the new store or cancel on your order page by ${answerBy}; without an answer by then the order is canceled and you are not charged.`,
      ],
      details: [
        { label: "Order", value: number },
        { label: "New store", value: `${offer.storeName}, ${offer.address}` },
        { label: "Pickup window", value: formatStoreWindow(new Date(offer.window.startsAt), new Date(offer.window.endsAt), offer.timeZone) },
        { label: "Answer by", value: answerBy },
      ],
      action: link ? { label: "Accept or cancel", href: link.order } : undefined,
    }),
    sms(kind, facts, subject, `Handoff: ${facts.storeName} cannot fill order ${number}. Pick up at ${offer.storeName} by ${readyBy} instead? Answer by ${answerBy}${link ? `: ${link.order}` : "."}`),
  ];
}

/** The order moved to another store: where and when to collect now, and why. */
export async function orderRerouted(facts: OrderFacts, kind: string, previousStore: string, reason: string, wasLate = false): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const store = facts.pickup?.store.name ?? facts.storeName;
  const method = facts.pickup?.method ?? "IN_STORE";
  const subject = `Order ${number} moved to ${store}`;
  return [
    await email(kind, facts, subject, {
      heading: `Your order is now at ${store}`,
      intro: [
        `Hi ${firstName(facts.customer.name)}, ${previousStore} ${wasLate ? "was running late with" : "could not fill"} order ${number} (${lowerFirst(reason)}), so ${store} is getting it ready for you instead. Your pickup code stays the same.`,
      ],
      details: pickupDetails(facts, { withHold: false }),
      instructions: whatHappensNext(method),
      action: viewOrder(facts),
    }),
  ];
}

/** The shopper extended the hold, or named someone else to collect: a confirmation (and a warning if it was not them). */
export async function pickupUpdated(facts: OrderFacts, kind: string, change: "hold_extended" | "collector_named", holdUntil: string | null, collectorName: string | null): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const zone = facts.pickup?.store.timeZone ?? "UTC";
  const until = holdUntil ? formatStoreDateTime(new Date(holdUntil), zone) : null;
  const subject = change === "hold_extended" ? `Order ${number}: we'll hold it until ${until}` : `Order ${number}: ${collectorName} may pick it up`;
  return [
    await email(kind, facts, subject, {
      heading: change === "hold_extended" ? "Your hold is extended" : `${collectorName} may pick up your order`,
      intro: [
        change === "hold_extended"
          ? `Hi ${firstName(facts.customer.name)}, ${facts.storeName} will hold order ${number} until ${until}.`
          : `Hi ${firstName(facts.customer.name)}, ${collectorName} may collect order ${number} at ${facts.storeName}. Give them your pickup code: the store asks for it.`,
        "Didn't ask for this? Call the store.",
      ],
      details: pickupDetails(facts, { withHold: true }),
      action: viewOrder(facts),
    }),
  ];
}

/** "Find my order": the link again, to the contact the shopper named. */
export async function orderLinkAgain(facts: OrderFacts, kind: string, channel: "email" | "sms"): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const store = facts.pickup?.store.name ?? facts.storeName;
  const subject = `Your order ${number} at ${store}`;
  if (channel === "sms") {
    const window = facts.pickup ? ` Pickup ${formatStoreWindow(new Date(facts.pickup.window.startsAt), new Date(facts.pickup.window.endsAt), facts.pickup.store.timeZone)}.` : "";
    return [sms(kind, facts, subject, `Handoff: your order ${number} at ${store}.${window} Your order page: ${links(facts)?.order ?? "(link unavailable)"}`)];
  }
  return [
    await email(kind, facts, subject, {
      heading: "Here is your order",
      intro: [`Hi ${firstName(facts.customer.name)}, you asked for the link to order ${number} again. Your order page shows its status, your pickup code and "I'm here".`],
      details: pickupDetails(facts, { withHold: true }),
      instructions: facts.pickup ? whatHappensNext(facts.pickup.method) : undefined,
      action: viewOrder(facts),
    }),
  ];
}
