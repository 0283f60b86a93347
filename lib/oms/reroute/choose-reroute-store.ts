import type { Db } from "@/lib/platform/db/prisma";
import { routeOrder } from "@/lib/oms/routing/route-order";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadStore, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import type { SlotWindow } from "@/lib/oms/slots/slots";

export type RerouteTarget = { store: StoreWithHours; readyBy: Date; slot: SlotWindow; reason: string };

type OrderToMove = {
  /** Where distance is measured from: the store that could not fill it. */
  origin: { latitude: number; longitude: number };
  lines: { productId: string; sku: string; quantity: number }[];
  pickupMethod: "IN_STORE" | "CURBSIDE";
};

/**
 * The store an order should move to, by the routing score (distance, queue, pickup window),
 * never one in `excludeStoreIds`, with the ready-by and first open window it would get there;
 * null when no store within reach can fill every line. Read against the OMS's own ledger;
 * the move itself takes the stock with a conditional update, so a store that runs out in
 * between is found out then.
 */
export async function chooseRerouteStore(db: Db, order: OrderToMove, excludeStoreIds: string[], now: Date): Promise<RerouteTarget | null> {
  const decision = await routeOrder(db, { origin: order.origin, requestedStore: null, lines: order.lines, pickupMethod: order.pickupMethod, now, excludeStoreIds });
  if (decision.kind !== "store") return null;
  const store = await loadStore(db, decision.storeId);
  if (!store) return null;
  const offer = await storeSlotOffer(db, store, now);
  const slot = offer.slots.find((candidate) => candidate.remaining > 0);
  if (!offer.readyBy || !slot) return null;
  return { store, readyBy: offer.readyBy, slot: { startsAt: slot.startsAt, endsAt: slot.endsAt }, reason: decision.reason };
}
