import type { Db } from "@/lib/platform/db/prisma";
import { DomainError, isDomainError } from "@/lib/platform/errors";
import { wakeDispatcher } from "@/lib/bus/outbox";
import { cancelOrderInTx } from "@/lib/oms/orders/cancel-order";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadStore } from "@/lib/oms/stores/load-stores";
import { chooseRerouteStore } from "./choose-reroute-store";
import { moveOrderInTx, storesThatCouldNotFill } from "./move-order";
import { offerStoreInTx } from "./offer-store";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { OFFERS_THAT_KEEP_THE_ORDER, splitLinesSchema } from "@/lib/oms/events";
import { lockLevels } from "@/lib/oms/inventory/lock-levels";
import { splitOffInTx } from "./split-order";
import { linesToMove } from "@/lib/oms/orders/short-lines";

export type OfferAnswer =
  | { outcome: "moved"; storeName: string }
  /** The missing units alone went on to the offered store, as an order of their own. */
  | { outcome: "split"; storeName: string; orderNumber: number }
  /** The offered store could no longer take it (`why`): the next one is offered instead. */
  | { outcome: "offered"; storeName: string; ranOut: string; why: string }
  | { outcome: "canceled" }
  /** A short or late order's offer the offered store can no longer take (`why`): the order carries on where it is. */
  | { outcome: "stays"; storeName: string; why: string };

/**
 * The shopper accepts the store they were offered. The offered store is checked again as the
 * order moves (its stock and window taken by conditional updates): if it ran out meanwhile,
 * the shopper is offered the next store instead, or, with none left, the order is canceled
 * with an offer to ship it home. An offer past its deadline cannot be accepted.
 */
export async function acceptStoreOffer(db: Db, accessToken: string, now = new Date()): Promise<OfferAnswer> {
  const answer = await db.$transaction(async (tx): Promise<OfferAnswer> => {
    // The order first, locked: a pick starting or a cancel racing the answer shows in what is read next.
    await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "accessToken" = ${accessToken} FOR UPDATE`;
    const order = await tx.order.findUnique({
      where: { accessToken },
      select: { id: true, status: true, storeId: true, pickupMethod: true, store: { select: { name: true, latitude: true, longitude: true } }, lines: { select: { productId: true, sku: true, quantity: true, splitQuantity: true } } },
    });
    if (!order) throw new DomainError("NOT_FOUND", "That order was not found.");
    const offer = await tx.orderReroute.findFirst({ where: { orderId: order.id, status: "OFFERED" }, orderBy: { createdAt: "desc" } });
    // A short or late order is offered another store while its own store carries on with it.
    const keepsOrder = offer !== null && OFFERS_THAT_KEEP_THE_ORDER.includes(offer.trigger);
    // An offer of the missing units keeps them with it; one the OMS cannot read is no offer to accept.
    const parsedUnits = offer?.units ? splitLinesSchema.safeParse(offer.units) : null;
    if (parsedUnits && !parsedUnits.success) throw new DomainError("INVALID_TRANSITION", "This order has no open offer of another store.");
    const units = parsedUnits?.data ?? null;
    // A late order's offer lapses once its store starts picking it after all; a whole short order's
    // once it is ready; the missing units alone may go on while the rest waits to be collected.
    const stillOpen =
      offer?.trigger === "LATE" ? order.status === "PLACED" : order.status === "PLACED" || order.status === "PICKING" || (units !== null && order.status === "READY");
    const waiting = keepsOrder ? stillOpen : order.status === "AWAITING_SHOPPER";
    if (!waiting || !offer?.toStoreId) throw new DomainError("INVALID_TRANSITION", "This order has no open offer of another store.");
    if (offer.expiresAt && offer.expiresAt <= now) {
      throw new DomainError("CONFLICT", `The offer of another store has run out; ${keepsOrder ? "your order stays where it is" : "the order is being canceled"}.`);
    }

    const store = await loadStore(tx, offer.toStoreId);
    const windows = store ? await storeSlotOffer(tx, store, now) : null;
    const slot = windows?.slots.find((candidate) => candidate.remaining > 0);
    const ranOutAt = store?.name ?? "The store you chose";
    let why = `${ranOutAt} has no pickup window left`;
    if (store && windows?.readyBy && slot) {
      const target = { store, readyBy: windows.readyBy, slot: { startsAt: slot.startsAt, endsAt: slot.endsAt }, reason: "the shopper accepted" };
      if (units) {
        await lockLevels(tx, units.map((unit) => ({ storeId: store.id, productId: unit.productId })));
        const outcome = await splitOffInTx(tx, { fromOrderId: order.id, target, lines: units, reason: offer.reason, at: now, acceptedRerouteId: offer.id });
        if (outcome.split) return { outcome: "split", storeName: store.name, orderNumber: outcome.split.told.orderNumber };
        why = outcome.why;
      } else {
        const moved = await moveOrderInTx(tx, { orderId: order.id, target, reason: offer.reason, trigger: offer.trigger, at: now, acceptedRerouteId: offer.id });
        if (moved.moved) return { outcome: "moved", storeName: store.name };
        why = moved.why;
      }
    }
    if (keepsOrder) {
      await tx.orderReroute.update({ where: { id: offer.id }, data: { status: "EXPIRED", decidedAt: now } });
      return { outcome: "stays", storeName: order.store.name, why };
    }
    // The offered store ran out (or its windows filled) since the offer: the next one, or none.
    const excluded = [...(await storesThatCouldNotFill(tx, order.id, order.storeId)), offer.toStoreId];
    const next = await chooseRerouteStore(db, { origin: order.store, lines: linesToMove(order.lines), pickupMethod: order.pickupMethod }, excluded, now);
    const ranOut = ranOutAt;
    if (next) {
      await offerStoreInTx(tx, { orderId: order.id, fromStoreId: order.storeId, target: next, reason: offer.reason, trigger: offer.trigger, at: now, minutes: (await retailerSettings(tx)).rerouteOfferMinutes });
      return { outcome: "offered", storeName: next.store.name, ranOut, why };
    }
    await tx.orderReroute.update({ where: { id: offer.id }, data: { status: "CANCELED", decidedAt: now } });
    await cancelOrderInTx(tx, { orderId: order.id, reason: `${order.store.name} could not fill it: ${offer.reason}, and no other store nearby can`, origin: "STOREFRONT", offer: "ship_to_home" }, now);
    return { outcome: "canceled" };
  });
  await wakeDispatcher(db);
  return answer;
}

/**
 * Offers the shopper left unanswered past their deadline: the order is canceled (its units
 * go back at the store that held them) and the offer marked expired. One transaction each;
 * an order that moved on meanwhile (the shopper accepted or canceled) is left as it is.
 */
export async function expireStoreOffers(db: Db, now = new Date()): Promise<number> {
  const due = await db.orderReroute.findMany({ where: { status: "OFFERED", expiresAt: { lte: now } }, select: { id: true, orderId: true, trigger: true }, take: 100, orderBy: { expiresAt: "asc" } });
  let expired = 0;
  for (const offer of due) {
    const done = await db
      .$transaction(async (tx) => {
        const { count } = await tx.orderReroute.updateMany({ where: { id: offer.id, status: "OFFERED" }, data: { status: "EXPIRED", decidedAt: now } });
        if (count === 0) return false;
        // A short or late order's offer lapses: the order simply stays where it is.
        if (OFFERS_THAT_KEEP_THE_ORDER.includes(offer.trigger)) return true;
        await cancelOrderInTx(tx, { orderId: offer.orderId, reason: "No answer in time to the offer of another store", origin: "OMS" }, now);
        return true;
      })
      .catch((error: unknown) => (isDomainError(error, "INVALID_TRANSITION") ? false : Promise.reject(error)));
    if (done) expired++;
  }
  if (expired > 0) await wakeDispatcher(db);
  return expired;
}
