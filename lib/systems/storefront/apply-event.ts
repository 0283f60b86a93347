import type { Tx } from "@/lib/db/prisma";
import type { EventEnvelope } from "@/lib/bus/envelope";
import { inventoryMovementDataSchema, orderCanceledDataSchema, orderCreatedDataSchema, orderPickedUpDataSchema, orderReadyDataSchema, parseEventData, UnsupportedEventError } from "../order-event-data";
import type { EventHandler } from "../receive-event";
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

async function moveAvailability(tx: Tx, event: EventEnvelope, sign: 1 | -1) {
  const data = parseEventData(inventoryMovementDataSchema, event.data);
  for (const line of data.lines) {
    await tx.storefrontAvailability.updateMany({
      where: { storeCode: data.storeCode, sku: line.sku },
      data: { available: { increment: sign * line.quantity } },
    });
  }
}

/** The storefront's projections: what the shopper's order page and availability show. */
export const applyStorefrontEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  switch (event.type) {
    case "order.created":
      await setOrderView(tx, event, parseEventData(orderCreatedDataSchema, event.data).orderNumber, "placed");
      return "applied";
    case "order.canceled":
      await setOrderView(tx, event, parseEventData(orderCanceledDataSchema, event.data).orderNumber, "canceled");
      return "applied";
    case "order.ready":
      await setOrderView(tx, event, parseEventData(orderReadyDataSchema, event.data).orderNumber, "ready");
      return "applied";
    case "order.picked_up":
      await setOrderView(tx, event, parseEventData(orderPickedUpDataSchema, event.data).orderNumber, "picked_up");
      return "applied";
    case "inventory.consumed":
      // Units picked up leave on-hand and allocated alike: what is free to sell is unchanged.
      parseEventData(inventoryMovementDataSchema, event.data);
      return "applied";
    case "order.no_show":
      await setOrderView(tx, event, parseEventData(orderReadyDataSchema, event.data).orderNumber, "no_show");
      return "applied";
    case "inventory.allocated":
      await moveAvailability(tx, event, -1);
      return "applied";
    case "inventory.released":
    case "inventory.restocked":
      await moveAvailability(tx, event, 1);
      return "applied";
    default:
      throw new UnsupportedEventError(event.type);
  }
};
