import type { Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/platform/errors";
import { storeAddress } from "@/lib/platform/format/store-address";
import { pickupWindow } from "@/lib/platform/format/pickup-window";

/** Where and when the shopper collects, as every order event tells it: enough to write to them without asking the OMS. */
export type PickupDetails = {
  method: "IN_STORE" | "CURBSIDE";
  store: { name: string; address: string; phone: string; timeZone: string };
  window: { startsAt: string; endsAt: string };
  holdUntil: string | null;
};

type PickupSource = {
  pickupMethod: "IN_STORE" | "CURBSIDE";
  promisedReadyAt: Date;
  holdUntil: Date | null;
  slot: { startsAt: Date; endsAt: Date };
  store: { name: string; addressLine: string; city: string; state: string; postalCode: string; phone: string; timeZone: string };
};

export function pickupDetailsOf(order: PickupSource): PickupDetails {
  const window = pickupWindow({ slotStartsAt: order.slot.startsAt, slotEndsAt: order.slot.endsAt, promisedReadyAt: order.promisedReadyAt });
  return {
    method: order.pickupMethod,
    store: { name: order.store.name, address: storeAddress(order.store), phone: order.store.phone, timeZone: order.store.timeZone },
    window: { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() },
    holdUntil: order.holdUntil?.toISOString() ?? null,
  };
}

export type ContextRow = {
  number: number;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  pickupMethod: "IN_STORE" | "CURBSIDE";
  promisedReadyAt: Date;
  holdUntil: Date | null;
  slotStartsAt: Date;
  slotEndsAt: Date;
  code: string;
  name: string;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  timeZone: string;
};

/** The columns an order's event context is built from (`contextOf`), for statements that read more beside them. */
export const CONTEXT_COLUMNS = Prisma.sql`
  o."number", o."customerName", o."customerEmail", o."customerPhone", o."pickupMethod"::text AS "pickupMethod", o."promisedReadyAt", o."holdUntil",
  sl."startsAt" AS "slotStartsAt", sl."endsAt" AS "slotEndsAt",
  st."code", st."name", st."addressLine", st."city", st."state", st."postalCode", st."phone", st."timeZone"`;

/** The order with its slot and store, aliased as CONTEXT_COLUMNS expects. */
export const CONTEXT_FROM = Prisma.sql`"Order" o JOIN "PickupSlot" sl ON sl."id" = o."slotId" JOIN "Store" st ON st."id" = o."storeId"`;

export type OrderEventContext = ReturnType<typeof contextOf>;

export function contextOf(order: ContextRow) {
  return {
    orderNumber: order.number,
    storeCode: order.code,
    storeName: order.name,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    pickup: pickupDetailsOf({ ...order, slot: { startsAt: order.slotStartsAt, endsAt: order.slotEndsAt }, store: order }),
  };
}

/** What every order event carries so other systems can act without asking the OMS. */
export async function orderEventContext(tx: Tx, orderId: string): Promise<OrderEventContext> {
  // One statement for the order, its slot and its store: this runs in every order transition.
  const [order] = await tx.$queryRaw<ContextRow[]>`SELECT ${CONTEXT_COLUMNS} FROM ${CONTEXT_FROM} WHERE o."id" = ${orderId}::uuid`;
  if (!order) throw notFound("Order");
  return contextOf(order);
}
