import type { Db, Tx } from "@/lib/platform/db/prisma";
import type { ShortRerouting, ToldShort } from "@/lib/oms/orders/short-lines";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { chooseRerouteStore } from "./choose-reroute-store";
import { recordStandingOfferInTx } from "./offer-store";
import { lockLevels } from "@/lib/oms/inventory/lock-levels";
import { MOST_REROUTES, moveOrderInTx, storesThatCouldNotFill } from "./move-order";
import { splitOffInTx, type SplitLine } from "./split-order";
import { linesToMove } from "@/lib/oms/orders/short-lines";
import { DECLINED_AT_HANDOVER } from "@/lib/oms/events";

/** Stores tried in one go when the chosen one runs out before the move takes its stock. */
const STORES_TRIED = 3;

/** "1 × Chef's Knife not found": why the order left, as the shopper is told it. */
export function shortReason(shorted: ToldShort[]): string {
  return shorted.map((line) => `${line.quantity} × ${line.name} ${line.reason.toLowerCase()}`).join(", ");
}

/**
 * What a store short while picking does by the retailer's reroute setting. Automatically: the
 * whole order goes to the next store by the routing score that has every unit of it (one pickup,
 * one code, nothing missing). Ask the shopper first: the order stays, smaller, and the shopper is
 * offered that store for the whole order until a deadline (no answer keeps it where it is), or
 * when none has it all, a store for the units that ran short alone.
 * When no store has every unit, the units that ran short go on their own to the next store that
 * has them all (a second order, automatically only). Cancel: it stays, smaller. Never back to a
 * store that could not fill it, not past the third move.
 */
export function shortRerouting(tx: Tx, db: Db, input: { orderId: string; at: Date }): ShortRerouting {
  return {
    async move(shorted, actOnStock) {
      const settings = await retailerSettings(tx);
      if (settings.rerouteMode !== "AUTO") return false;
      const order = await orderToMove(tx, input.orderId);
      if (!order) return false;
      for (let tried = 0; tried < STORES_TRIED; tried++) {
        const target = await chooseRerouteStore(db, order.toMove, order.excluded, input.at);
        if (!target) return false;
        if (tried === 0) {
          const lines = order.toMove.lines;
          await lockLevels(tx, [...lines.map((line) => ({ storeId: order.storeId, productId: line.productId })), ...lines.map((line) => ({ storeId: target.store.id, productId: line.productId }))]);
          await actOnStock();
        }
        const moved = await moveOrderInTx(tx, { orderId: input.orderId, target, reason: shortReason(shorted), trigger: "SHORT", at: input.at });
        if (moved.moved) return true;
        order.excluded.push(target.store.id);
      }
      return false;
    },
    async splitOff(shorted) {
      const settings = await retailerSettings(tx);
      if (settings.rerouteMode !== "AUTO") return null;
      const order = await orderToMove(tx, input.orderId);
      // A channel's order stays one order: the channel knows no second one to follow.
      if (!order || order.channel !== "WEB") return null;
      const lines = unitsByProduct(shorted);
      const target = await chooseRerouteStore(db, { ...order.toMove, lines }, order.excluded, input.at);
      if (!target) return null;
      await lockLevels(tx, [...lines.map((line) => ({ storeId: order.storeId, productId: line.productId })), ...lines.map((line) => ({ storeId: target.store.id, productId: line.productId }))]);
      return async () => (await splitOffInTx(tx, { fromOrderId: input.orderId, target, lines, reason: shortReason(shorted), at: input.at })).split;
    },
    async offer(shorted) {
      const settings = await retailerSettings(tx);
      if (settings.rerouteMode !== "ASK") return null;
      const order = await orderToMove(tx, input.orderId);
      if (!order) return null;
      const offer = { orderId: input.orderId, fromStoreId: order.storeId, reason: shortReason(shorted), trigger: "SHORT" as const, at: input.at, minutes: settings.rerouteOfferMinutes };
      const whole = await chooseRerouteStore(db, order.toMove, order.excluded, input.at);
      if (whole) return recordStandingOfferInTx(tx, { ...offer, target: whole });
      // No store has all of it: the units that ran short alone, as an order of their own (our own checkout's orders only).
      if (order.channel !== "WEB") return null;
      // Every unit still short and not gone on elsewhere: a later short's offer keeps an earlier one's units.
      const units = order.stillShort;
      if (units.length === 0) return null;
      const target = await chooseRerouteStore(db, { ...order.toMove, lines: units }, order.excluded, input.at);
      return target ? recordStandingOfferInTx(tx, { ...offer, target, units }) : null;
    },
  };
}

/** One line per product (a line shorted twice at once, for two reasons, is one line at the next store). */
function unitsByProduct(shorted: SplitLine[]): SplitLine[] {
  const lines = new Map<string, SplitLine>();
  for (const { productId, sku, name, quantity, unitPriceCents } of shorted) {
    const line = lines.get(productId);
    lines.set(productId, { productId, sku, name, unitPriceCents, quantity: (line?.quantity ?? 0) + quantity });
  }
  return [...lines.values()];
}

/** The whole order as a reroute sees it (every unit, short ones included), or null when it may move no more. */
async function orderToMove(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { storeId: true, channel: true, rerouteCount: true, pickupMethod: true, store: { select: { latitude: true, longitude: true } }, lines: { select: { productId: true, sku: true, name: true, quantity: true, shortQuantity: true, shortReason: true, splitQuantity: true, unitPriceCents: true } } },
  });
  if (!order || order.rerouteCount >= MOST_REROUTES) return null;
  return {
    storeId: order.storeId,
    channel: order.channel,
    toMove: { origin: order.store, lines: linesToMove(order.lines), pickupMethod: order.pickupMethod },
    /** Units short here that did not go on to another order (declined ones are the customer's choice, not missing). */
    stillShort: order.lines
      .filter((line) => line.shortQuantity > line.splitQuantity && line.shortReason !== DECLINED_AT_HANDOVER)
      .map(({ productId, sku, name, unitPriceCents, shortQuantity, splitQuantity }) => ({ productId, sku, name, unitPriceCents, quantity: shortQuantity - splitQuantity })),
    excluded: await storesThatCouldNotFill(tx, orderId, order.storeId),
  };
}
