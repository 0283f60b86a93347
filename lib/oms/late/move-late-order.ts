import type { Db, Tx } from "@/lib/platform/db/prisma";
import { chooseRerouteStore } from "@/lib/oms/reroute/choose-reroute-store";
import { MOST_REROUTES, moveOrderInTx, storesThatCouldNotFill } from "@/lib/oms/reroute/move-order";

type MoveLateInput = { orderId: string; storeId: string; at: Date; readyBy: Date; startTargetMinutes: number };

/**
 * A late order the store has not started goes to the next store by the routing score, but only
 * if that store can have it ready sooner than this one now can; never back to a store that could
 * not fill it, and not past the order's third move. Nothing is canceled here: an order no store
 * can take sooner stays, and its store is alerted. Returns whether it moved.
 */
export async function moveLateOrderInTx(tx: Tx, db: Db, input: MoveLateInput): Promise<boolean> {
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: { rerouteCount: true, pickupMethod: true, store: { select: { latitude: true, longitude: true } }, lines: { select: { productId: true, sku: true, quantity: true } } },
  });
  if (!order || order.rerouteCount >= MOST_REROUTES) return false;
  const excluded = await storesThatCouldNotFill(tx, input.orderId, input.storeId);
  const target = await chooseRerouteStore(db, { origin: order.store, lines: order.lines, pickupMethod: order.pickupMethod }, excluded, input.at);
  if (!target || target.readyBy >= input.readyBy) return false;
  const moved = await moveOrderInTx(tx, { orderId: input.orderId, target, reason: `Not started within ${input.startTargetMinutes} minutes`, trigger: "LATE", at: input.at });
  return moved.moved;
}
