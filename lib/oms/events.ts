import { z } from "zod";
import { EVENT } from "@/lib/bus/event-names";
import { int32 } from "@/lib/platform/http/int32";

// What the OMS publishes on the bus: each event's data, checked when it is written and
// parsed with the same schema by every receiver, so a payload that drifts from the
// contract is refused rather than half-applied.

/** What every order event carries: enough for a receiver that only tracks status. */
export const orderRefDataSchema = z.object({ orderNumber: int32().positive(), storeCode: z.string().min(1) });

export const orderLineDataSchema = z.object({ sku: z.string().min(1), quantity: int32().positive() });

/** Where and when the shopper collects (events written before it was added lack it). */
export const pickupDetailsSchema = z.object({
  method: z.enum(["IN_STORE", "CURBSIDE"]),
  store: z.object({ name: z.string().min(1), address: z.string(), phone: z.string(), timeZone: z.string().min(1) }),
  window: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }),
  holdUntil: z.iso.datetime().nullable(),
});

/** The shopper's link and pickup code: attached by the bus for the notification layer only. */
export const shopperAccessSchema = z.object({ orderUrl: z.url(), pickupCode: z.string().regex(/^\d{6}$/) });

/** What the notification layer needs on top of an event's own data to write to the shopper. */
const messagingFields = { pickup: pickupDetailsSchema.optional(), shopper: shopperAccessSchema.optional() };

export const orderCreatedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  totalCents: int32().nonnegative(),
  promisedReadyAt: z.iso.datetime(),
  pickupMethod: z.enum(["IN_STORE", "CURBSIDE"]),
  pickupCodeHash: z.string().min(1).optional(),
  slot: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }).optional(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  lines: z
    .array(
      orderLineDataSchema.extend({
        name: z.string(),
        unitPriceCents: int32(),
        // For the store's pick list (events written before they were added lack them).
        imageUrl: z.string().optional(),
        barcode: z.string().nullable().optional(),
        location: z.string().nullable().optional(),
      }),
    )
    .min(1),
  /** When the store should have it ready, by its pick-to-ready target in its opening hours. */
  pickTargetAt: z.iso.datetime().nullable().optional(),
  storeName: z.string().min(1).optional(),
  /** Placed by the OMS from another order's units its store could not find. */
  splitFrom: z.object({ orderNumber: int32().positive(), storeName: z.string().min(1), reason: z.string() }).optional(),
  ...messagingFields,
});

export const customerArrivedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  arrivedAt: z.iso.datetime(),
  parkingBay: z.string().nullable(),
  carDescription: z.string().nullable(),
});

/** Units that go on to another store as an order of their own (an offer of them keeps them on its `OrderReroute.units`). */
export const splitLinesSchema = z.array(z.object({ productId: z.uuid(), sku: z.string(), name: z.string(), quantity: z.int().positive(), unitPriceCents: z.int().nonnegative() })).min(1);

/** Where an order could go instead, as the shopper is offered it. */
const storeOfferSchema = z.object({
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  address: z.string(),
  timeZone: z.string().min(1),
  readyBy: z.iso.datetime(),
  window: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }),
});

export const linesShortedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  shorted: z.array(orderLineDataSchema.extend({ name: z.string(), reason: z.string() })).min(1),
  totalCents: int32().nonnegative(),
  /** When the retailer asks first: another store has every unit (or the short ones); the shopper may take it by `answerBy`. */
  offer: storeOfferSchema
    .extend({
      answerBy: z.iso.datetime(),
      /** When no store has every unit: only these (the short ones), as an order of their own there. */
      units: z.array(orderLineDataSchema.extend({ name: z.string() })).min(1).optional(),
    })
    .optional(),
  /** The short units were placed at another store as an order of their own (its confirmation follows). */
  split: storeOfferSchema.extend({ orderNumber: int32().positive(), totalCents: int32().nonnegative() }).optional(),
  /** Nothing is left: the order is canceled right after (the cancellation tells the shopper why). */
  canceled: z.literal(true).optional(),
  ...messagingFields,
});

export const orderCanceledDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  reason: z.string(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  storeName: z.string().min(1).optional(),
  /** No store could fill it: the shopper is offered delivery to their home instead. */
  offer: z.literal("ship_to_home").optional(),
  ...messagingFields,
});

/** The store could not fill the order; the shopper is asked whether to collect it elsewhere, by a deadline. */
export const rerouteOfferedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  reason: z.string().min(1),
  offer: storeOfferSchema,
  expiresAt: z.iso.datetime(),
  ...messagingFields,
});

/** The shopper changed how the order is collected: a longer hold (once), or someone else collecting it. */
export const pickupUpdatedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  holdUntil: z.iso.datetime().nullable(),
  collectorName: z.string().nullable(),
  /** What changed this time. */
  change: z.enum(["hold_extended", "collector_named"]),
  ...messagingFields,
});

/**
 * The order ran late at its store: not started within the store's target, or not ready by its
 * promise. The tablet raises it, the store's managers are written to, and the shopper is told
 * of the delay with an honest new ready-by (once per order: `notifyShopper`).
 */
export const orderLateDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  kind: z.enum(["not_started", "not_ready"]),
  /** What the tablet and the managers read: "Not started 14 min after it came in". */
  message: z.string().min(1),
  lateSince: z.iso.datetime(),
  promisedReadyAt: z.iso.datetime(),
  revisedReadyAt: z.iso.datetime(),
  notifyShopper: z.boolean(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  /** The store's managers, to write to (and text, where a mobile number is on file). */
  managers: z.array(z.object({ name: z.string(), email: z.string(), phone: z.string().nullable().optional() })),
  /** When the retailer asks first: a store that can have it ready sooner; the shopper may move it there by `answerBy`. */
  offer: storeOfferSchema.extend({ answerBy: z.iso.datetime() }).optional(),
  ...messagingFields,
});

/** The order moved to another store: everything `order.created` says, for the new store, and where it came from and why. */
export const orderReroutedDataSchema = orderCreatedDataSchema.extend({
  storeName: z.string().min(1),
  previousStore: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  reason: z.string().min(1),
  /** 1 for the first move, up to 3. */
  rerouteNumber: int32().positive(),
  /** Why it moved: the store rejected it, ran short, or was running late (events written before it was added lack it). */
  trigger: z.enum(["REJECTED", "SHORT", "LATE"]).optional(),
});

const customerSchema = z.object({ name: z.string(), email: z.string(), phone: z.string() });

export const orderReadyDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  customer: customerSchema,
  ...messagingFields,
});

/** The shopper asked for their order link again ("Find my order"), to one contact on the order. */
export const linkRequestedDataSchema = orderReadyDataSchema.extend({ channel: z.enum(["email", "sms"]) });

/** The OMS's ready event also says where the store staged the units. */
export const orderStagedDataSchema = orderReadyDataSchema.extend({ stagingBin: z.string().min(1).nullable() });

export const orderPickedUpDataSchema = orderReadyDataSchema.extend({
  capturedCents: int32().nonnegative(),
  lines: z.array(orderLineDataSchema.extend({ name: z.string(), unitPriceCents: int32() })).min(1),
});

export const pickupReminderDataSchema = orderReadyDataSchema.extend({ holdUntil: z.iso.datetime().nullable() });

/** The OMS's change in available-to-promise after a store's stock feed moved its ledger. */
export const inventoryAdjustedDataSchema = z.object({
  storeCode: z.string().min(1),
  lines: z.array(z.object({ sku: z.string().min(1), availableDelta: int32() })).min(1),
});

/** A checkout holds the cart's units at a store while the shopper pays (seed 003's reservation queue). */
export const inventoryHeldDataSchema = z.object({
  storeCode: z.string().min(1),
  lines: z.array(orderLineDataSchema).min(1),
  heldUntil: z.iso.datetime(),
});

/** A checkout hold gave its units back: it ran out, moved to another store, or became the order's reservation. */
export const inventoryHoldReleasedDataSchema = z.object({
  storeCode: z.string().min(1),
  lines: z.array(orderLineDataSchema).min(1),
  reason: z.enum(["expired", "moved", "placed", "replaced"]),
});

/** The store's stock shows fewer units on hand than its orders (this one among them) hold. */
export const stockShortDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  /** Empty, with no message, when the order's items are all covered again: the alert clears. */
  lines: z.array(z.object({ sku: z.string().min(1), name: z.string(), onHand: int32().nonnegative(), held: int32().positive() })),
  message: z.string().min(1).nullable(),
});

/**
 * What a short line does to the store's stock, by the associate's reason (the OMS's rule; the
 * tablet shows it before the associate confirms). "Not found": the item shows as out of stock at
 * the store until its next count; damaged, expired or recalled units leave on-hand; units the
 * customer declined go back on the shelf. Any other reason leaves on-hand, as damage does.
 */
export const SHORT_REASON_EFFECTS = {
  "Not found": { effect: "hold_back", describe: "Shows as out of stock at this store until the next count" },
  Damaged: { effect: "write_off", describe: "Taken off on-hand" },
  Expired: { effect: "write_off", describe: "Taken off on-hand" },
  Recalled: { effect: "write_off", describe: "Taken off on-hand" },
  "Customer declined": { effect: "return", describe: "Back on the shelf, available to other shoppers" },
} as const satisfies Record<string, { effect: "hold_back" | "write_off" | "return"; describe: string }>;

/**
 * Reroute offers that leave the order where it is while the shopper decides (its store carries
 * on): a short order offered a store with everything, a late one offered a store that is sooner.
 * No answer keeps it; an offer made after the associate rejected the order cancels it.
 */
export const OFFERS_THAT_KEEP_THE_ORDER: readonly string[] = ["SHORT", "LATE"];

/** The one short reason a ready order can still take: the customer declines items at the handover. */
export const DECLINED_AT_HANDOVER = "Customer declined" satisfies keyof typeof SHORT_REASON_EFFECTS;

export type ShortEffect = (typeof SHORT_REASON_EFFECTS)[keyof typeof SHORT_REASON_EFFECTS]["effect"];

export function shortEffectOf(reason: string): ShortEffect {
  return Object.hasOwn(SHORT_REASON_EFFECTS, reason) ? SHORT_REASON_EFFECTS[reason as keyof typeof SHORT_REASON_EFFECTS].effect : "write_off";
}

/** The order lifecycle is part of the contract: which statuses are still open. */
export { isOpenStatus } from "./orders/order-status";

/** Order events also name the order and the status it moved to, for receivers outside Handoff. */
const orderIdentity = { orderId: z.uuid().optional(), status: z.enum(["PLACED", "PICKING", "AWAITING_SHOPPER", "READY", "PICKED_UP", "CANCELED", "NO_SHOW"]).optional() };

/** Every event the OMS writes, by name, with the schema its data must match. */
export const OMS_EVENTS = {
  [EVENT.orderCreated]: orderCreatedDataSchema.extend(orderIdentity),
  [EVENT.orderPickingStarted]: orderRefDataSchema.extend({ associate: z.string().nullable().optional() }).extend(orderIdentity),
  [EVENT.orderReady]: orderStagedDataSchema.extend(orderIdentity),
  [EVENT.orderCustomerArrived]: customerArrivedDataSchema.extend(orderIdentity),
  [EVENT.orderPickedUp]: orderPickedUpDataSchema.extend({ associate: z.string(), verifiedBy: z.string().nullable() }).extend(orderIdentity),
  [EVENT.orderCanceled]: orderCanceledDataSchema.extend({ origin: z.enum(["STOREFRONT", "OMS", "WMS", "POS", "NOTIFICATION"]) }).extend(orderIdentity),
  [EVENT.orderLinesShorted]: linesShortedDataSchema.extend(orderIdentity),
  [EVENT.orderPickupReminder]: pickupReminderDataSchema.extend(orderIdentity),
  [EVENT.orderNoShow]: orderReadyDataSchema.extend({ offer: z.literal("ship_to_home") }).extend(orderIdentity),
  [EVENT.orderLinkRequested]: linkRequestedDataSchema.extend(orderIdentity),
  [EVENT.orderStockShort]: stockShortDataSchema,
  [EVENT.orderRerouteOffered]: rerouteOfferedDataSchema.extend(orderIdentity),
  [EVENT.orderRerouted]: orderReroutedDataSchema.extend(orderIdentity),
  [EVENT.orderPickupUpdated]: pickupUpdatedDataSchema.extend(orderIdentity),
  [EVENT.orderLate]: orderLateDataSchema.extend(orderIdentity),
  [EVENT.inventoryAdjusted]: inventoryAdjustedDataSchema,
  [EVENT.inventoryHeld]: inventoryHeldDataSchema,
  [EVENT.inventoryHoldReleased]: inventoryHoldReleasedDataSchema,
} as const;
