import type { Db, Tx } from "@/lib/platform/db/prisma";
import type { ShortLine } from "@/lib/oms/orders/short-lines";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { chooseRerouteStore } from "./choose-reroute-store";
import { MOST_REROUTES, moveOrderInTx, storesThatCouldNotFill } from "./move-order";

/** Stores tried in one go when the chosen one runs out before the move takes its stock. */
const STORES_TRIED = 3;

/** "1 × Chef's Knife not found": why the order left, as the shopper is told it. */
export function shortReason(shorted: (ShortLine & { name: string })[]): string {
  return shorted.map((line) => `${line.quantity} × ${line.name} ${line.reason.toLowerCase()}`).join(", ");
}

/**
 * Lines ran short while the store picked: when the retailer reroutes automatically, the whole
 * order goes to the next store by the routing score that has every unit of it (one pickup, one
 * code, nothing missing), never back to a store that could not fill it and not past its third
 * move. Otherwise it stays, smaller. Runs in the short's transaction, after the short units
 * acted on this store's stock; returns whether it moved.
 */
export async function moveShortOrderInTx(tx: Tx, db: Db, input: { orderId: string; at: Date; shorted: (ShortLine & { name: string })[] }): Promise<boolean> {
  if ((await retailerSettings(tx)).rerouteMode !== "AUTO") return false;
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: { storeId: true, rerouteCount: true, pickupMethod: true, store: { select: { latitude: true, longitude: true } }, lines: { select: { productId: true, sku: true, quantity: true } } },
  });
  if (!order || order.rerouteCount >= MOST_REROUTES) return false;
  const excluded = await storesThatCouldNotFill(tx, input.orderId, order.storeId);
  const reason = shortReason(input.shorted);
  for (let tried = 0; tried < STORES_TRIED; tried++) {
    const target = await chooseRerouteStore(db, { origin: order.store, lines: order.lines, pickupMethod: order.pickupMethod }, excluded, input.at);
    if (!target) return false;
    const moved = await moveOrderInTx(tx, { orderId: input.orderId, target, reason, trigger: "SHORT", at: input.at });
    if (moved.moved) return true;
    excluded.push(target.store.id);
  }
  return false;
}
