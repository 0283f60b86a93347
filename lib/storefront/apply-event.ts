import { EVENT } from "@/lib/bus/event-names";
import type { Tx } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import type { EventEnvelope } from "@/lib/bus/envelope";
import { inventoryAdjustedDataSchema, inventoryHeldDataSchema, inventoryHoldReleasedDataSchema, orderRefDataSchema } from "@/lib/oms/events";
import { inventoryMovedDataSchema, inventoryMovementDataSchema } from "@/lib/wms/events";
import { parseEventData, UnsupportedEventError } from "@/lib/bus/event-data";
import type { EventHandler } from "@/lib/bus/receive-event";
import type { StorefrontStatus } from "./order-status";

/** Moves the shopper's view forward; an older event arriving late changes nothing. */
async function setOrderView(tx: Tx, event: EventEnvelope, orderNumber: number, status: StorefrontStatus) {
  const position = BigInt(event.position);
  await tx.$executeRaw`
    INSERT INTO "StorefrontOrderView" ("orderId", "orderNumber", "status", "lastPosition", "updatedAt")
    VALUES (${event.orderId}::uuid, ${orderNumber}, ${status}, ${position}, now())
    ON CONFLICT ("orderId") DO UPDATE
       SET "status" = EXCLUDED."status", "lastPosition" = EXCLUDED."lastPosition", "updatedAt" = now()
     WHERE "StorefrontOrderView"."lastPosition" < EXCLUDED."lastPosition"`;
}

/** Each SKU's total change, so one statement can apply them (a row may be changed once per statement). */
function totalsBySku(lines: { sku: string; change: number }[]): { skus: string[]; changes: number[] } {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.change);
  return { skus: [...totals.keys()], changes: [...totals.values()] };
}

async function moveAvailability(tx: Tx, event: EventEnvelope, sign: 1 | -1) {
  const data = parseEventData(inventoryMovementDataSchema, event.data);
  await changeAvailability(tx, data.storeCode, data.lines, sign);
}

async function changeAvailability(tx: Tx, storeCode: string, lines: { sku: string; quantity: number }[], sign: 1 | -1) {
  if (lines.length === 0) return;
  const { skus, changes } = totalsBySku(lines.map((line) => ({ sku: line.sku, change: sign * line.quantity })));
  await tx.$executeRaw`
    UPDATE "StorefrontAvailability" a SET "available" = a."available" + m."change", "updatedAt" = now()
      FROM unnest(${skus}::text[], ${changes}::int[]) AS m("sku", "change")
     WHERE a."storeCode" = ${storeCode} AND a."sku" = m."sku"`;
}

/**
 * Follows the OMS's availability after a store's stock feed: a delta of the unfloored
 * figure, like allocations and releases, so every change adds up in any order (a floor
 * here would make the result depend on the order). A row the storefront never had
 * starts from the delta. One statement for all the event's lines.
 */
async function adjustAvailability(tx: Tx, event: EventEnvelope) {
  const data = parseEventData(inventoryAdjustedDataSchema, event.data);
  const { skus, changes } = totalsBySku(data.lines.map((line) => ({ sku: line.sku, change: line.availableDelta })));
  await tx.$executeRaw`
    INSERT INTO "StorefrontAvailability" ("storeCode", "sku", "available", "updatedAt")
    SELECT ${data.storeCode}, m."sku", m."change", now() FROM unnest(${skus}::text[], ${changes}::int[]) AS m("sku", "change")
    ON CONFLICT ("storeCode", "sku") DO UPDATE
       SET "available" = "StorefrontAvailability"."available" + EXCLUDED."available", "updatedAt" = now()`;
}

const ORDER_VIEW_STATUS: Record<string, StorefrontStatus> = {
  [EVENT.orderCreated]: "placed",
  [EVENT.orderPickingStarted]: "picking",
  [EVENT.orderReady]: "ready",
  [EVENT.orderPickedUp]: "picked_up",
  [EVENT.orderCanceled]: "canceled",
  [EVENT.orderNoShow]: "no_show",
  [EVENT.orderRerouteOffered]: "store_offered",
  // At its new store the order starts again as placed.
  [EVENT.orderRerouted]: "placed",
};

/** The storefront's projections: what the shopper's order page and availability show. */
export const applyStorefrontEvent: EventHandler = async (tx, event) => {
  // Stock feed adjustments belong to a store and an item, not to an order.
  if (event.type === EVENT.inventoryAdjusted) {
    await adjustAvailability(tx, event);
    return "applied";
  }
  // A checkout hold counts against availability like an order's allocation.
  if (event.type === EVENT.inventoryHeld) {
    const data = parseEventData(inventoryHeldDataSchema, event.data);
    await changeAvailability(tx, data.storeCode, data.lines, -1);
    return "applied";
  }
  if (event.type === EVENT.inventoryHoldReleased) {
    const data = parseEventData(inventoryHoldReleasedDataSchema, event.data);
    await changeAvailability(tx, data.storeCode, data.lines, 1);
    return "applied";
  }
  if (!event.orderId) return "ignored";
  const viewStatus = ownValue(ORDER_VIEW_STATUS, event.type);
  if (viewStatus) {
    await setOrderView(tx, event, parseEventData(orderRefDataSchema, event.data).orderNumber, viewStatus);
    return "applied";
  }
  switch (event.type) {
    case EVENT.inventoryAllocated:
      await moveAvailability(tx, event, -1);
      return "applied";
    case EVENT.inventoryReleased:
    case EVENT.inventoryRestocked:
      await moveAvailability(tx, event, 1);
      return "applied";
    case EVENT.inventoryMoved: {
      // An order moved stores: its units are free again at one and held at the other.
      const data = parseEventData(inventoryMovedDataSchema, event.data);
      await changeAvailability(tx, data.released.storeCode, data.released.lines, 1);
      await changeAvailability(tx, data.allocated.storeCode, data.allocated.lines, -1);
      return "applied";
    }
    case EVENT.inventoryConsumed:
      // Units picked up leave on-hand and allocated alike: what is free to sell is unchanged.
      parseEventData(inventoryMovementDataSchema, event.data);
      return "applied";
    default:
      throw new UnsupportedEventError(event.type);
  }
};
