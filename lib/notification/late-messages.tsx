import { render, toPlainText } from "@react-email/components";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { formatStoreDateTime, formatStoreTime } from "@/lib/platform/format/store-time";
import { OrderEmail } from "@/lib/notification/emails/order-email";
import { email, firstName, pickupDetails, sms, viewOrder, type ComposedMessage, type OrderFacts, type StoreOffer } from "./compose-messages";

export type LateNotice = {
  eventId: string;
  kind: "not_started" | "not_ready";
  message: string;
  promisedReadyAt: string;
  revisedReadyAt: string;
  notifyShopper: boolean;
  managers: { name: string; email: string; phone?: string | null }[];
  /** A store that can have it ready sooner, when the retailer asks the shopper first. */
  offer?: StoreOffer & { answerBy: string };
};

/**
 * A late order: each of the store's managers gets an email saying which order, how late and
 * what the store can now promise; the shopper is told of the delay with the new ready-by, once
 * per order (the message kind is the same for every later alert, so it is queued only once).
 */
export async function orderLate(facts: OrderFacts, notice: LateNotice): Promise<ComposedMessage[]> {
  const number = formatOrderNumber(facts.orderNumber);
  const zone = facts.pickup?.store.timeZone ?? "UTC";
  const promised = formatStoreTime(new Date(notice.promisedReadyAt), zone);
  const revised = formatStoreDateTime(new Date(notice.revisedReadyAt), zone);
  const messages: ComposedMessage[] = [];
  for (const [index, manager] of notice.managers.entries()) {
    const subject = `Late at ${facts.storeName}: order ${number}`;
    const tablet = facts.shopper ? `${new URL(facts.shopper.orderUrl).origin}/store/orders/${facts.orderNumber}` : undefined;
    const html = await render(
      <OrderEmail
        preview={subject}
        heading={`Order ${number} is late`}
        intro={[`Hi ${firstName(manager.name)}, order ${number} at ${facts.storeName} is late: ${notice.message.charAt(0).toLowerCase()}${notice.message.slice(1)}.`, `It was promised for ${promised}; the store can now have it ready by ${revised}.`]}
        details={[
          { label: "Order", value: number },
          { label: "Store", value: facts.storeName },
          { label: "Promised", value: promised },
          { label: "Now ready by", value: revised },
        ]}
        action={tablet ? { label: "Open it on the tablet", href: tablet } : undefined}
        footer={["You get this because you manage this store in Handoff."]}
      />,
    );
    messages.push({ kind: `late_store:${notice.eventId}:${index}`, channel: "email", recipient: manager.email, subject, body: toPlainText(html), html, qrPayload: null });
    if (manager.phone) {
      const text = `Handoff: order ${number} at ${facts.storeName} is late. ${notice.message}. Promised ${promised}; the store can now have it ready by ${revised}.`;
      messages.push({ kind: `late_store:${notice.eventId}:${index}`, channel: "sms", recipient: manager.phone, subject, body: text, html: null, qrPayload: null });
    }
  }
  if (!notice.notifyShopper) return messages;
  const subject = `Order ${number} is running late: now ready by ${revised}`;
  const { offer } = notice;
  const instead = offer
    ? `Or pick it up at ${offer.storeName} by ${formatStoreDateTime(new Date(offer.readyBy), offer.timeZone)} instead: accept on your order page by ${formatStoreDateTime(new Date(offer.answerBy), offer.timeZone)}. Without an answer it stays at ${facts.storeName}.`
    : null;
  const orderPage = viewOrder(facts);
  messages.push(
    await email("delay", facts, subject, {
      heading: "Your order is running late",
      intro: [
        `Hi ${firstName(facts.customer.name)}, sorry: ${facts.storeName} is behind and order ${number} will not be ready at ${promised} as we said. It will be ready by ${revised}. We will tell you when it is ready.`,
        ...(instead ? [instead] : []),
      ],
      details: pickupDetails(facts, { withHold: false }),
      action: offer && orderPage ? { label: `Pick up at ${offer.storeName} instead`, href: orderPage.href } : orderPage,
    }),
    sms("delay", facts, subject, `Handoff: order ${number} at ${facts.storeName} is running late. It will be ready by ${revised}; we'll text you when it is.${instead ? ` ${instead}${orderPage ? ` ${orderPage.href}` : ""}` : ""}`),
  );
  return messages;
}
