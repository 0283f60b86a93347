import { EVENT } from "@/lib/bus/event-names";
import { z } from "zod";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { takeRateLimit, type RateLimit } from "@/lib/platform/security/rate-limit";
import { orderEventContext } from "./order-event-context";
import { parseOrderNumber } from "@/lib/platform/format/order-number";

/** How often one client, and one order, may ask for the link again. */
export const LINK_REQUESTS_PER_CLIENT: RateLimit = { limit: 10, windowSeconds: 15 * 60 };
export const LINK_REQUESTS_PER_ORDER: RateLimit = { limit: 3, windowSeconds: 60 * 60 };

export const orderLinkRequestSchema = z.object({
  orderNumber: z
    .string()
    .trim()
    .min(1, "Enter your order number, e.g. H-100012.")
    .transform((value, ctx) => {
      const number = parseOrderNumber(value);
      if (number === null) ctx.addIssue({ code: "custom", message: "An order number looks like H-100012." });
      return number ?? 0;
    }),
  contact: z.string().trim().min(1, "Enter the email or phone number you ordered with.").max(200, "That is too long for an email or phone number."),
});

export type OrderLinkRequest = z.output<typeof orderLinkRequestSchema>;
export type OrderLinkOutcome = { kind: "answered" } | { kind: "rate_limited"; retryAfterSeconds: number };

const digits = (text: string) => text.replace(/\D/g, "");

/** Which of the order's contacts the shopper named, if any: an email (any case) or a phone (its last ten digits). */
export function matchContact(order: { customerEmail: string; customerPhone: string }, contact: string): "email" | "sms" | null {
  if (contact.includes("@")) return contact.toLowerCase() === order.customerEmail.trim().toLowerCase() ? "email" : null;
  const given = digits(contact);
  if (given.length < 7) return null;
  return digits(order.customerPhone).slice(-10) === given.slice(-10) ? "sms" : null;
}

/**
 * "Find my order": sends the order's link again, to the contact the shopper named, when
 * it is one of the order's. The answer is the same whether or not the order exists or the
 * contact matches, so the page cannot be used to find out who ordered what; both the
 * client and the order number are rate-limited before anything is looked up.
 */
export async function requestOrderLink(db: Db, input: OrderLinkRequest, client: string, now = new Date()): Promise<OrderLinkOutcome> {
  const [byClient, byOrder] = await Promise.all([
    takeRateLimit(db, `order-link:client:${client}`, LINK_REQUESTS_PER_CLIENT, now),
    takeRateLimit(db, `order-link:order:${input.orderNumber}`, LINK_REQUESTS_PER_ORDER, now),
  ]);
  if (!byClient.allowed || !byOrder.allowed) return { kind: "rate_limited", retryAfterSeconds: Math.max(byClient.retryAfterSeconds, byOrder.retryAfterSeconds) };

  const order = await db.order.findUnique({ where: { number: input.orderNumber }, select: { id: true, customerEmail: true, customerPhone: true } });
  const channel = order ? matchContact(order, input.contact) : null;
  if (!order || !channel) return { kind: "answered" };
  await db.$transaction(async (tx) => {
    await writeOutboxEvent(tx, { type: EVENT.orderLinkRequested, orderId: order.id, occurredAt: now, payload: { ...(await orderEventContext(tx, order.id)), channel } });
  });
  await wakeDispatcher(db);
  return { kind: "answered" };
}
