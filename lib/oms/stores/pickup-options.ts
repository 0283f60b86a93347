import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import { locate } from "@/lib/platform/geo/locate";
import { candidateSlots, offerSlots } from "@/lib/oms/slots/slots";
import { findPickupStores, type PickupStoreOption } from "./find-pickup-stores";

// The store picker offered to other storefronts (seed 002's "Storefront Pickup Options
// API"): the customer's position and cart in, the stores that can serve them out.

/** The stores one answer lists at most, nearest first. */
export const MOST_PICKUP_OPTIONS = 20;
/** The free pickup windows listed per store. */
export const WINDOWS_PER_STORE = 3;
/** Windows looked at per store to find the free ones: enough that a few full ones do not hide the rest. */
const CANDIDATE_WINDOWS = 12;

const coordinatesSchema = z.strictObject({
  latitude: z.number("latitude must be a number").min(-90).max(90),
  longitude: z.number("longitude must be a number").min(-180).max(180),
});
const postalCodeSchema = z.strictObject({ postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, "postalCode must be a 5-digit US ZIP code") });

export const pickupOptionsRequestSchema = z.strictObject({
  origin: z.union([coordinatesSchema, postalCodeSchema], "origin must be {latitude, longitude} or {postalCode}"),
  lines: z
    .array(z.strictObject({ sku: z.string().trim().min(1).max(64), quantity: z.number().int().min(1).max(999) }), "lines must be a list of {sku, quantity}")
    .min(1, "lines must hold at least one item")
    .max(50, "lines may hold at most 50 items"),
  radiusMiles: z.number().positive().max(100, "radiusMiles may be at most 100").default(25),
  pickupMethod: z.enum(["IN_STORE", "CURBSIDE"], "pickupMethod must be IN_STORE or CURBSIDE").optional(),
});

export type PickupOptionsRequest = z.output<typeof pickupOptionsRequestSchema>;

export type PickupOption = {
  storeCode: string;
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  distanceMiles: number;
  pickupMethods: ("IN_STORE" | "CURBSIDE")[];
  canFillAll: boolean;
  /** False for a store that paused pickup orders or reached a cap: listed, not to be offered for choosing. */
  takingOrders: boolean;
  lines: { sku: string; quantity: number; available: number; canFill: boolean }[];
  readyBy: string | null;
  pickupWindows: { startsAt: string; endsAt: string; remaining: number }[];
};

export type PickupOptionsAnswer = {
  origin: { latitude: number; longitude: number; label: string | null };
  radiusMiles: number;
  pickupMethod: "IN_STORE" | "CURBSIDE" | null;
  stores: PickupOption[];
};

export type PickupOptionsOutcome = { ok: true; answer: PickupOptionsAnswer } | { ok: false; error: string; fields: { path: string; message: string }[] };

/**
 * The stores within the radius that offer the pickup method, nearest first (at most
 * MOST_PICKUP_OPTIONS), each with its whole-cart coverage line by line, its honest
 * ready-by and its first free pickup windows. Unknown SKUs and ZIP codes are refused.
 */
export async function pickupOptions(db: Db, request: PickupOptionsRequest, now: Date): Promise<PickupOptionsOutcome> {
  let origin: PickupOptionsAnswer["origin"];
  if ("postalCode" in request.origin) {
    const located = locate(request.origin.postalCode);
    if (!located.ok) return { ok: false, error: located.message, fields: [{ path: "origin.postalCode", message: located.message }] };
    origin = located.place;
  } else {
    origin = { ...request.origin, label: null };
  }

  const skus = [...new Set(request.lines.map((line) => line.sku))];
  const { rows: products } = await sqlOf(db).query<{ id: string; sku: string }>(Prisma.sql`SELECT "id", "sku" FROM "Product" WHERE "sku" = ANY(${skus}::text[])`);
  const productBySku = new Map(products.map((product) => [product.sku, product.id]));
  const unknown = request.lines.flatMap((line, index) => (productBySku.has(line.sku) ? [] : [{ path: `lines.${index}.sku`, message: `No product has the SKU "${line.sku}".` }]));
  if (unknown.length > 0) return { ok: false, error: "Some lines name products we do not sell.", fields: unknown };

  const lines = request.lines.map((line) => ({ productId: productBySku.get(line.sku)!, quantity: line.quantity }));
  const skuOf = new Map(products.map((product) => [product.id, product.sku]));
  const found = await findPickupStores(db, { origin, lines, radiusMiles: request.radiusMiles, now, limit: MOST_PICKUP_OPTIONS, curbsideOnly: request.pickupMethod === "CURBSIDE", skuOf });
  const windows = await firstFreeWindows(db, found);

  return {
    ok: true,
    answer: {
      origin,
      radiusMiles: request.radiusMiles,
      pickupMethod: request.pickupMethod ?? null,
      stores: found.map((store) => ({
        storeCode: store.code,
        name: store.name,
        address: store.address,
        phone: store.phone,
        timeZone: store.timeZone,
        distanceMiles: store.distanceMiles,
        pickupMethods: store.curbsideEnabled ? ["IN_STORE", "CURBSIDE"] : ["IN_STORE"],
        canFillAll: store.coverage.canFillAll,
        takingOrders: store.takingOrders,
        lines: store.coverage.lines.map((line) => ({ sku: skuOf.get(line.productId)!, quantity: line.requested, available: line.available, canFill: line.available >= line.requested })),
        readyBy: store.readyBy?.toISOString() ?? null,
        pickupWindows: store.takingOrders ? (windows.get(store.id) ?? []) : [],
      })),
    },
  };
}

/** Each store's first free pickup windows after its ready-by, from one read of every store's bookings. */
async function firstFreeWindows(db: Db, stores: PickupStoreOption[]): Promise<Map<string, PickupOption["pickupWindows"]>> {
  const candidates = stores.flatMap((store) => {
    if (!store.readyBy) return [];
    const slots = candidateSlots({ schedule: { timeZone: store.timeZone, hours: store.hours }, readyBy: store.readyBy, slotMinutes: store.slotMinutes, holdHours: store.holdHours, limit: CANDIDATE_WINDOWS });
    return slots.length > 0 ? [{ store, slots }] : [];
  });
  if (candidates.length === 0) return new Map();
  const starts = candidates.flatMap(({ slots }) => slots.map((slot) => slot.startsAt.getTime()));
  const { rows: booked } = await sqlOf(db).query<{ storeId: string; startsAt: Date; booked: number; capacity: number }>(Prisma.sql`
    SELECT "storeId", "startsAt", "booked", "capacity" FROM "PickupSlot"
     WHERE "storeId" = ANY(${candidates.map(({ store }) => store.id)}::uuid[]) AND "startsAt" BETWEEN ${new Date(Math.min(...starts))}::timestamp AND ${new Date(Math.max(...starts))}::timestamp`);
  return new Map(
    candidates.map(({ store, slots }) => {
      const mine = new Map(booked.filter((row) => row.storeId === store.id).map((row) => [row.startsAt.getTime(), row]));
      const free = offerSlots(slots, store.slotCapacity, mine).slice(0, WINDOWS_PER_STORE);
      return [store.id, free.map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), remaining: slot.remaining }))];
    }),
  );
}
