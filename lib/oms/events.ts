import { z } from "zod";
import { int32 } from "@/lib/platform/http/int32";

// The parts of OMS order events the other systems rely on. Each receiver parses what it
// needs, so a payload that drifts from the contract is refused rather than half-applied.

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
  lines: z.array(orderLineDataSchema.extend({ name: z.string(), unitPriceCents: int32() })).min(1),
  storeName: z.string().min(1).optional(),
  ...messagingFields,
});

export const customerArrivedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  arrivedAt: z.iso.datetime(),
  parkingBay: z.string().nullable(),
  carDescription: z.string().nullable(),
});

export const linesShortedDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  storeName: z.string().min(1),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  shorted: z.array(orderLineDataSchema.extend({ name: z.string(), reason: z.string() })).min(1),
  totalCents: int32().nonnegative(),
  ...messagingFields,
});

export const orderCanceledDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  reason: z.string(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  storeName: z.string().min(1).optional(),
  ...messagingFields,
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

export const inventoryMovementDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  lines: z.array(orderLineDataSchema).min(1),
});

/** The OMS's change in available-to-promise after a store's stock feed moved its ledger. */
export const inventoryAdjustedDataSchema = z.object({
  storeCode: z.string().min(1),
  lines: z.array(z.object({ sku: z.string().min(1), availableDelta: int32() })).min(1),
});

/** The store's stock shows fewer units on hand than its orders (this one among them) hold. */
export const stockShortDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  /** Empty, with no message, when the order's items are all covered again: the alert clears. */
  lines: z.array(z.object({ sku: z.string().min(1), name: z.string(), onHand: int32().nonnegative(), held: int32().positive() })),
  message: z.string().min(1).nullable(),
});

/** Parses an event's data, throwing an error the receiver reports as a 400. */
export function parseEventData<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new EventDataError(parsed.error);
  return parsed.data;
}

export class EventDataError extends Error {
  constructor(readonly zodError: z.ZodError) {
    super("The event's data does not match what this system expects.");
  }
}

/** A receiver got an event type it does not handle: a contract mismatch, refused with 400. */
export class UnsupportedEventError extends Error {
  constructor(readonly eventType: string) {
    super(`This system does not handle "${eventType}" events.`);
  }
}
