import type { Tx } from "@/lib/platform/db/prisma";
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

const STORE_FIELDS = { code: true, name: true, addressLine: true, city: true, state: true, postalCode: true, phone: true, timeZone: true } as const;

/** What every order event carries so other systems can act without asking the OMS. */
export async function orderEventContext(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      number: true,
      customerName: true,
      customerEmail: true,
      customerPhone: true,
      pickupMethod: true,
      promisedReadyAt: true,
      holdUntil: true,
      slot: { select: { startsAt: true, endsAt: true } },
      store: { select: STORE_FIELDS },
    },
  });
  if (!order) throw notFound("Order");
  return {
    orderNumber: order.number,
    storeCode: order.store.code,
    storeName: order.store.name,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    pickup: pickupDetailsOf(order),
  };
}
