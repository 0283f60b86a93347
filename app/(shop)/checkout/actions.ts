"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { BROWSER_COOKIE, browserHash, mayReturnPlacedOrder } from "@/lib/oms/orders/checkout-browser";
import { z } from "zod";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { locate } from "@/lib/platform/geo/locate";
import { cartLineSchema, placeOrderSchema } from "@/lib/oms/orders/place-order-input";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { DateTime } from "luxon";
import { timeZone } from "@/lib/platform/time-zone";
import { formatReadyBy, formatSlot, formatSlotTimes, formatStoreDateTime, formatStoreDay, formatStoreTime } from "@/lib/platform/format/store-time";
import { pickupWindow } from "@/lib/platform/format/pickup-window";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { findPickupStores } from "@/lib/oms/stores/find-pickup-stores";
import { loadStore } from "@/lib/oms/stores/load-stores";
import { holdCart } from "@/lib/oms/checkout-hold/hold-cart";
import { checkoutHoldOf, isHolding } from "@/lib/oms/checkout-hold/checkout-hold-of";
import type { CheckoutResult, SlotChoice } from "./types";
import { alternativesFor, toStoreChoice } from "./store-choice";
import { toHoldChoice } from "./hold-choice";
import { formInput, refuseInput } from "@/lib/platform/http/action-input";

const RADIUS_CHOICES = [10, 25, 50, 100] as const;

const findStoresSchema = z.object({
  query: z.string().max(100).optional(),
  coordinates: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  radiusMiles: z.union(RADIUS_CHOICES.map((r) => z.literal(r))),
  lines: z.array(cartLineSchema).min(1).max(50),
  /** The checkout asking: its own hold's units count as available to it. */
  checkoutId: z.uuid().optional(),
});

/** Stores near a ZIP code, city or the browser's position, with cart coverage and ready-by. */
export async function findStoresAction(input: z.input<typeof findStoresSchema>) {
  const refused = refuseInput(input);
  if (refused) return refused;
  const parsed = findStoresSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, message: "Enter a ZIP code or city and keep at least one item in your cart." };
  const { query, coordinates, radiusMiles, lines, checkoutId } = parsed.data;
  let origin: { latitude: number; longitude: number; label: string };
  if (coordinates) {
    origin = { ...coordinates, label: "your location" };
  } else {
    const located = locate(query ?? "");
    if (!located.ok) return { ok: false as const, message: located.message };
    origin = located.place;
  }
  const now = new Date();
  const ownHold = checkoutId ? await ownHoldOf(checkoutId, now) : null;
  const stores = await findPickupStores(getDb(), { origin, lines, radiusMiles, now, ownHold });
  return { ok: true as const, origin: origin.label, stores: stores.map((store) => toStoreChoice(store, now)) };
}

/** The checkout's live hold, only to the browser that holds it. */
async function ownHoldOf(checkoutId: string, now: Date) {
  const hold = await checkoutHoldOf(getDb(), checkoutId);
  if (!hold || !isHolding(hold, now)) return null;
  const browser = browserHash((await cookies()).get(BROWSER_COOKIE)?.value);
  return hold.browser === browser ? { storeId: hold.storeId, lines: hold.lines } : null;
}

/** The pickup windows a new order at this store can book right now. */
export async function pickupSlotsAction(storeId: string): Promise<{ readyByLabel: string | null; slots: SlotChoice[] }> {
  if (refuseInput(storeId)) return { readyByLabel: null, slots: [] };
  if (!z.uuid().safeParse(storeId).success) return { readyByLabel: null, slots: [] };
  const store = await loadStore(getDb(), storeId);
  if (!store) return { readyByLabel: null, slots: [] };
  const now = new Date();
  const offer = await storeSlotOffer(getDb(), store, now);
  return {
    readyByLabel: offer.readyBy ? formatReadyBy(offer.readyBy, store.timeZone, now) : null,
    slots: offer.slots.map((slot) => {
      // The same window the order page, the tablet and the messages will show.
      const window = pickupWindow({ slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, promisedReadyAt: offer.readyBy });
      return {
        value: slot.startsAt.toISOString(),
        label: formatSlot(window.startsAt, window.endsAt, store.timeZone, now),
        day: DateTime.fromJSDate(window.startsAt, { zone: timeZone(store.timeZone) }).toISODate()!,
        dayLabel: formatStoreDay(window.startsAt, store.timeZone, now),
        timeLabel: formatSlotTimes(window.startsAt, window.endsAt, store.timeZone),
        holdUntilLabel: formatStoreDateTime(new Date(slot.endsAt.getTime() + store.holdHours * 3_600_000), store.timeZone),
        remaining: slot.remaining,
      };
    }),
  };
}

function readLines(raw: FormDataEntryValue | null): unknown {
  try {
    return JSON.parse(typeof raw === "string" ? raw : "[]");
  } catch {
    return [];
  }
}

/** Places the order; on success the shopper goes to the order page. */
export async function placeOrderAction(_previous: CheckoutResult, formData: FormData): Promise<CheckoutResult> {
  const input = formInput(formData);
  if (!input.ok) {
    if (!input.field) return { status: "error", message: input.message, fieldErrors: {} };
    return { status: "error", message: "Check the highlighted fields.", fieldErrors: { [input.field]: "This holds a character we cannot store (a NUL or half an emoji). Type it again." } };
  }
  const parsed = placeOrderSchema.safeParse({
    checkoutId: formData.get("checkoutId"),
    storeId: formData.get("storeId") ?? "",
    pickupMethod: formData.get("pickupMethod") ?? "",
    slotStartsAt: formData.get("slotStartsAt") ?? "",
    lines: readLines(formData.get("lines")),
    name: formData.get("name") ?? "",
    email: formData.get("email") ?? "",
    phone: formData.get("phone") ?? "",
    cardNumber: formData.get("cardNumber") ?? "",
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return { status: "error", message: "Check the highlighted fields.", fieldErrors: firstErrors(fieldErrors) };
  }

  const browser = browserHash((await cookies()).get(BROWSER_COOKIE)?.value);
  const ended = await endedHold(parsed.data, browser);
  if (ended) return ended;

  let accessToken: string;
  try {
    const placed = await placeOrder(getDb(), { ...parsed.data, placedByBrowser: browser });
    if (!mayReturnPlacedOrder(placed, browser)) {
      return { status: "error", message: "This checkout was already used to place an order. Reload the page to start a new one.", fieldErrors: {} };
    }
    accessToken = placed.accessToken;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = typeof error.details.field === "string" ? error.details.field : undefined;
    const result: CheckoutResult = { status: "error", message: error.message, fieldErrors: field ? { [field]: error.message } : {} };
    if (error.code === "INSUFFICIENT_STOCK" || error.code === "SLOT_UNAVAILABLE" || error.code === "STORE_UNAVAILABLE") {
      result.alternatives = await alternativesFor(parsed.data.storeId, parsed.data.lines);
    }
    return result;
  }
  redirect(`/orders/${accessToken}?placed=1`);
}

/**
 * A checkout whose hold ran out is told so before paying: the store is asked again, and the
 * shopper sees what changed (held again until a new time, or what is now short) with the card untouched.
 */
async function endedHold(input: { checkoutId: string; storeId: string; lines: { productId: string; quantity: number }[] }, browser: string | null): Promise<CheckoutResult | null> {
  const now = new Date();
  const hold = await checkoutHoldOf(getDb(), input.checkoutId);
  if (!hold || hold.status === "PLACED" || isHolding(hold, now)) return null;
  // A checkout submitted again after its order was placed gets that order back (placeOrder says so).
  if (await getDb().order.findUnique({ where: { checkoutId: input.checkoutId }, select: { id: true } })) return null;
  const store = await loadStore(getDb(), hold.storeId);
  const endedAt = hold.status === "EXPIRED" && hold.updatedAt < hold.expiresAt ? hold.updatedAt : hold.expiresAt;
  const ended = `Your hold ended at ${formatStoreTime(endedAt, store?.timeZone ?? "UTC")}`;
  try {
    const renewed = await holdCart(getDb(), { ...input, browser }, now);
    if (!renewed) return null;
    return {
      status: "error",
      message: `${ended}, so we checked the store again: your items are held for you until ${formatStoreTime(renewed.expiresAt, renewed.timeZone)}. Your card has not been charged; place the order to pay.`,
      fieldErrors: {},
      hold: toHoldChoice(renewed),
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const alternatives = error.code === "INSUFFICIENT_STOCK" || error.code === "STORE_UNAVAILABLE" ? await alternativesFor(input.storeId, input.lines) : undefined;
    return { status: "error", message: `${ended}. ${error.message}`, fieldErrors: {}, alternatives, hold: null };
  }
}

function firstErrors(fieldErrors: Record<string, string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).flatMap(([field, errors]) => (errors?.[0] ? [[field, errors[0]]] : [])));
}
