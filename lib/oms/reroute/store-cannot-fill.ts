import type { RerouteTrigger } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";
import { cancelOrderInTx } from "@/lib/oms/orders/cancel-order";
import { chooseRerouteStore, type RerouteTarget } from "./choose-reroute-store";
import { MOST_REROUTES, moveOrderInTx, storesThatCouldNotFill } from "./move-order";
import { offerStoreInTx } from "./offer-store";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { linesToMove } from "@/lib/oms/orders/short-lines";

export type CannotFillInput = { orderId: string; trigger: RerouteTrigger; reason: string; at: Date };

export type CannotFillOutcome = "moved" | "offered" | "canceled";

/** Stores tried in one go when the chosen one runs out before the move takes its stock. */
const STORES_TRIED = 3;

/**
 * The OMS's answer to a store that cannot fill an order (its associate rejected it): by the
 * retailer's setting, move the order to the next store by the routing score, offer that store
 * to the shopper first, or cancel it. Stores that could not fill it before are never chosen
 * again; an order that has moved three times, or has no store left, is canceled with an
 * offer to ship it home. Runs in the caller's transaction; `db` reads the stores to choose from.
 */
export async function storeCannotFillInTx(tx: Tx, db: Db, input: CannotFillInput): Promise<CannotFillOutcome> {
  const settings = await retailerSettings(tx);
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: { storeId: true, rerouteCount: true, pickupMethod: true, store: { select: { name: true, latitude: true, longitude: true } }, lines: { select: { productId: true, sku: true, quantity: true, splitQuantity: true } } },
  });
  if (!order) throw notFound("Order");
  const because = `${order.store.name} could not fill it: ${input.reason}`;
  const cancel = async (offer?: "ship_to_home") => {
    await cancelOrderInTx(tx, { orderId: input.orderId, reason: offer ? `${because}, and no other store nearby can` : because, origin: "POS", offer }, input.at);
    if (offer) await tx.orderReroute.create({ data: { orderId: input.orderId, trigger: input.trigger, reason: input.reason, fromStoreId: order.storeId, status: "CANCELED", decidedAt: input.at } });
    return "canceled" as const;
  };
  if (settings.rerouteMode === "CANCEL") return cancel();
  if (order.rerouteCount >= MOST_REROUTES) return cancel("ship_to_home");

  const excluded = await storesThatCouldNotFill(tx, input.orderId, order.storeId);
  const toMove = { origin: order.store, lines: linesToMove(order.lines), pickupMethod: order.pickupMethod };
  for (let tried = 0; tried < STORES_TRIED; tried++) {
    const target: RerouteTarget | null = await chooseRerouteStore(db, toMove, excluded, input.at);
    if (!target) break;
    if (settings.rerouteMode === "ASK") {
      await offerStoreInTx(tx, { orderId: input.orderId, fromStoreId: order.storeId, target, reason: input.reason, trigger: input.trigger, at: input.at, minutes: settings.rerouteOfferMinutes });
      return "offered";
    }
    const moved = await moveOrderInTx(tx, { orderId: input.orderId, target, reason: input.reason, trigger: input.trigger, at: input.at });
    if (moved.moved) return "moved";
    excluded.push(target.store.id);
  }
  return cancel("ship_to_home");
}
