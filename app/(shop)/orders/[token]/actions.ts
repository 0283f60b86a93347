"use server";

import { z } from "zod";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { cancelOrder } from "@/lib/oms/orders/cancel-order";
import { checkInCustomer } from "@/lib/oms/orders/check-in";
import { acceptStoreOffer } from "@/lib/oms/reroute/answer-store-offer";
import { extendHold } from "@/lib/oms/orders/extend-hold";
import { holdHoursText } from "@/lib/platform/format/hold-hours";
import { collectorNameSchema, nameCollector } from "@/lib/oms/orders/name-collector";
import { isOrderToken } from "@/lib/platform/security/shopper-access";
import { refuseInput } from "@/lib/platform/http/action-input";

// The order link's token is the shopper's only credential: every action looks the
// order up by it, and a wrong token is simply "not found".

export type CancelResult = { ok: true } | { ok: false; message: string };

export async function cancelOrderAction(token: string): Promise<CancelResult> {
  const refused = refuseInput(token);
  if (refused) return refused;
  if (!isOrderToken(token)) return { ok: false, message: "We could not find this order." };
  const db = getDb();
  const order = await db.order.findUnique({ where: { accessToken: token }, select: { id: true } });
  if (!order) return { ok: false, message: "We could not find this order." };
  try {
    await cancelOrder(db, { orderId: order.id, reason: "Canceled by the customer", origin: "STOREFRONT" });
    return { ok: true };
  } catch (error) {
    if (isDomainError(error, "INVALID_TRANSITION")) return { ok: false, message: "This order can no longer be canceled." };
    throw error;
  }
}

const checkInSchema = z.object({
  parkingBay: z.string().trim().max(20, "Keep the bay to 20 characters.").transform((value) => value || null),
  carDescription: z.string().trim().max(100, "Keep the car description to 100 characters.").transform((value) => value || null),
});

/** "I'm here": tells the store the shopper has arrived (curbside: where they parked, which car). */
export async function checkInAction(token: string, input: { parkingBay: string; carDescription: string }): Promise<CancelResult> {
  const refused = refuseInput(token, input);
  if (refused) return refused.field ? { ok: false, message: "The bay or car description holds a character we cannot store (a NUL or half an emoji). Type it again." } : refused;
  if (!isOrderToken(token)) return { ok: false, message: "We could not find this order." };
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  const db = getDb();
  const order = await db.order.findUnique({ where: { accessToken: token }, select: { id: true, pickupMethod: true } });
  if (!order) return { ok: false, message: "We could not find this order." };
  const curbside = order.pickupMethod === "CURBSIDE";
  if (curbside && !parsed.data.parkingBay) return { ok: false, message: "Tell us which bay you parked in." };
  try {
    // In store, the customer is at the counter: a bay or a car means nothing there.
    await checkInCustomer(db, { orderId: order.id, ...(curbside ? parsed.data : { parkingBay: null, carDescription: null }) });
    return { ok: true };
  } catch (error) {
    if (isDomainError(error, "INVALID_TRANSITION")) return { ok: false, message: error.message };
    throw error;
  }
}

export type OfferAnswerResult = { ok: true; message: string } | { ok: false; message: string };

/** "Accept new store": the order moves to the store the shopper was offered (or, if it ran out meanwhile, the next one is offered). */
export async function acceptStoreOfferAction(token: string): Promise<OfferAnswerResult> {
  const refused = refuseInput(token);
  if (refused) return refused;
  if (!isOrderToken(token)) return { ok: false, message: "We could not find this order." };
  try {
    const answer = await acceptStoreOffer(getDb(), token);
    if (answer.outcome === "split") return { ok: true, message: `The missing items are now order ${formatOrderNumber(answer.orderNumber)} at ${answer.storeName}, with its own pickup code. We'll tell you when it is ready.` };
    if (answer.outcome === "moved") return { ok: true, message: `Your order is moving to ${answer.storeName}. We'll tell you when it is ready.` };
    if (answer.outcome === "stays") return { ok: false, message: `${answer.why}, so your order stays at ${answer.storeName}.` };
    if (answer.outcome === "offered") return { ok: false, message: `${answer.why}. ${answer.storeName} has everything instead: accept it or cancel.` };
    return { ok: false, message: "No store nearby can fill your order now, so it is canceled and you are not charged." };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return { ok: false, message: "We could not find this order." };
    if (isDomainError(error, "INVALID_TRANSITION") || isDomainError(error, "CONFLICT")) return { ok: false, message: error.message };
    throw error;
  }
}

/** Hours to add to the hold: a whole number within a year (the retailer's limit is checked against the order). */
const extendHoursSchema = z.int().positive().max(24 * 366).optional();

/** "Extend hold": the store holds the order longer, once, by the hours chosen up to the retailer's limit. */
export async function extendHoldAction(token: string, hours?: unknown): Promise<OfferAnswerResult> {
  const refused = refuseInput(token);
  if (refused) return refused;
  if (!isOrderToken(token)) return { ok: false, message: "We could not find this order." };
  const longer = extendHoursSchema.safeParse(hours);
  if (!longer.success) return { ok: false, message: "Choose how much longer to hold it." };
  try {
    const extended = await extendHold(getDb(), token, new Date(), longer.data);
    return { ok: true, message: `Your hold is extended by ${holdHoursText(extended.hours)}. We emailed you the new time.` };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return { ok: false, message: "We could not find this order." };
    if (isDomainError(error, "INVALID_TRANSITION") || isDomainError(error, "CONFLICT")) return { ok: false, message: error.message };
    throw error;
  }
}

/** "Someone else will pick up": the name the store's tablet shows; the pickup code is still asked for. */
export async function nameCollectorAction(token: string, name: string): Promise<OfferAnswerResult> {
  const refused = refuseInput(token, name);
  if (refused) return refused.field ? { ok: false, message: "The name holds a character we cannot store (a NUL or half an emoji). Type it again." } : refused;
  if (!isOrderToken(token)) return { ok: false, message: "We could not find this order." };
  const parsed = collectorNameSchema.safeParse(name);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  try {
    await nameCollector(getDb(), token, parsed.data);
    return { ok: true, message: `${parsed.data} may pick it up. Give them your pickup code.` };
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return { ok: false, message: "We could not find this order." };
    if (isDomainError(error, "INVALID_TRANSITION")) return { ok: false, message: error.message };
    throw error;
  }
}
