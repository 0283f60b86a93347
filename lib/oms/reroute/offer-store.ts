import type { RerouteTrigger } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/platform/db/prisma";
import { startChain } from "@/lib/bus/start-chain";
import { storeAddress } from "@/lib/platform/format/store-address";
import { orderEventContext } from "@/lib/oms/orders/order-event-context";
import { transitionOrder } from "@/lib/oms/orders/transition-order";
import type { RerouteTarget } from "./choose-reroute-store";
import type { SplitLine } from "./split-order";

/** Where the shopper could collect instead, as events carry it. */
export function storeOfferOf({ store, readyBy, slot }: RerouteTarget) {
  return {
    storeCode: store.code,
    storeName: store.name,
    address: storeAddress(store),
    timeZone: store.timeZone,
    readyBy: readyBy.toISOString(),
    window: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
  };
}

type StandingOfferInput = {
  orderId: string; fromStoreId: string; target: RerouteTarget; reason: string; trigger: "SHORT" | "LATE"; at: Date; minutes: number;
  /** Only these units, as an order of their own at the offered store (what ran short, when no store has the whole order). */
  units?: SplitLine[];
};

/**
 * Offers the shopper another store while the order stays where it is (a short or late order):
 * recorded until a deadline, replacing any earlier offer; returns it as the event that tells
 * the shopper carries it.
 */
export async function recordStandingOfferInTx(tx: Tx, input: StandingOfferInput) {
  const { target } = input;
  const answerBy = new Date(input.at.getTime() + input.minutes * 60_000);
  await tx.orderReroute.updateMany({ where: { orderId: input.orderId, status: "OFFERED" }, data: { status: "EXPIRED", decidedAt: input.at } });
  await tx.orderReroute.create({
    data: {
      orderId: input.orderId, trigger: input.trigger, reason: input.reason, fromStoreId: input.fromStoreId, toStoreId: target.store.id, status: "OFFERED",
      readyBy: target.readyBy, slotStartsAt: target.slot.startsAt, slotEndsAt: target.slot.endsAt, expiresAt: answerBy, units: input.units,
    },
  });
  const units = input.units?.map(({ sku, name, quantity }) => ({ sku, name, quantity }));
  return { ...storeOfferOf(target), answerBy: answerBy.toISOString(), ...(units ? { units } : {}) };
}

type OfferInput = { orderId: string; fromStoreId: string; target: RerouteTarget; reason: string; trigger: RerouteTrigger; at: Date; minutes: number };

/**
 * Asks the shopper first: the order waits (its units still held where it was) while the
 * shopper is offered the next store, its ready-by and pickup window, until a deadline; the
 * order page and a message carry the offer. Nothing is taken at the offered store yet, so
 * accepting checks again (`acceptStoreOffer`).
 */
export async function offerStoreInTx(tx: Tx, input: OfferInput): Promise<void> {
  const { store, readyBy, slot } = input.target;
  const expiresAt = new Date(input.at.getTime() + input.minutes * 60_000);
  // The chain before the event: this offer's steps are this reroute's.
  await startChain(tx, { orderId: input.orderId, chain: "REROUTE", at: input.at, only: ["reroute-offered", "reroute-offer-sent"] });
  // An earlier offer the shopper could not take (its store ran out) gives way to this one.
  await tx.orderReroute.updateMany({ where: { orderId: input.orderId, status: "OFFERED" }, data: { status: "EXPIRED", decidedAt: input.at } });
  await transitionOrder(tx, {
    orderId: input.orderId,
    to: "AWAITING_SHOPPER",
    at: input.at,
    payload: {
      ...(await orderEventContext(tx, input.orderId)),
      reason: input.reason,
      offer: storeOfferOf(input.target),
      expiresAt: expiresAt.toISOString(),
    },
  });
  await tx.orderReroute.create({
    data: { orderId: input.orderId, trigger: input.trigger, reason: input.reason, fromStoreId: input.fromStoreId, toStoreId: store.id, status: "OFFERED", readyBy, slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, expiresAt },
  });
}
