import type { Db, Tx } from "@/lib/platform/db/prisma";
import { chooseRerouteStore, type RerouteTarget } from "@/lib/oms/reroute/choose-reroute-store";
import { MOST_REROUTES, moveOrderInTx, storesThatCouldNotFill } from "@/lib/oms/reroute/move-order";
import { recordStandingOfferInTx } from "@/lib/oms/reroute/offer-store";
import { linesToMove } from "@/lib/oms/orders/short-lines";

type LateRerouteInput = { orderId: string; storeId: string; at: Date; readyBy: Date; startTargetMinutes: number };

const lateReason = (input: LateRerouteInput) => `Not started within ${input.startTargetMinutes} ${input.startTargetMinutes === 1 ? "minute" : "minutes"}`;

/**
 * The store a late order could go to instead: the next by the routing score, only if it can
 * have the order ready sooner than this store now can; never back to a store that could not
 * fill it, and not past the order's third move.
 */
async function sooner(tx: Tx, db: Db, input: LateRerouteInput): Promise<RerouteTarget | null> {
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: { rerouteCount: true, pickupMethod: true, store: { select: { latitude: true, longitude: true } }, lines: { select: { productId: true, sku: true, quantity: true, splitQuantity: true } } },
  });
  if (!order || order.rerouteCount >= MOST_REROUTES) return null;
  const excluded = await storesThatCouldNotFill(tx, input.orderId, input.storeId);
  const target = await chooseRerouteStore(db, { origin: order.store, lines: linesToMove(order.lines), pickupMethod: order.pickupMethod }, excluded, input.at);
  return target && target.readyBy < input.readyBy ? target : null;
}

/** The retailer reroutes automatically: a late order the store has not started moves to a store that is sooner. Returns whether it moved. */
export async function moveLateOrderInTx(tx: Tx, db: Db, input: LateRerouteInput): Promise<boolean> {
  const target = await sooner(tx, db, input);
  if (!target) return false;
  return (await moveOrderInTx(tx, { orderId: input.orderId, target, reason: lateReason(input), trigger: "LATE", at: input.at })).moved;
}

/**
 * The retailer asks the shopper first: the order stays (its store may still start it), and the
 * shopper is offered a store that is sooner until a deadline, told with the delay. No answer
 * keeps it where it is. Returns the offer for the delay message, or null.
 */
export async function offerLateOrderInTx(tx: Tx, db: Db, input: LateRerouteInput & { minutes: number }) {
  const target = await sooner(tx, db, input);
  if (!target) return null;
  return recordStandingOfferInTx(tx, { orderId: input.orderId, fromStoreId: input.storeId, target, reason: lateReason(input), trigger: "LATE", at: input.at, minutes: input.minutes });
}
