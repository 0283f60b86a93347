import type { Tx } from "@/lib/db/prisma";
import type { EventEnvelope } from "@/lib/bus/envelope";
import { orderCanceledDataSchema, orderCreatedDataSchema, orderPickedUpDataSchema, orderReadyDataSchema, parseEventData, UnsupportedEventError } from "../order-event-data";
import type { EventHandler } from "../receive-event";

async function setTask(tx: Tx, event: EventEnvelope, orderNumber: number, storeCode: string, status: string) {
  await tx.$executeRaw`
    INSERT INTO "PosOrderTask" ("orderId", "orderNumber", "storeCode", "status", "lastPosition", "updatedAt")
    VALUES (${event.orderId}::uuid, ${orderNumber}, ${storeCode}, ${status}, ${BigInt(event.position)}, now())
    ON CONFLICT ("orderId") DO UPDATE
       SET "status" = EXCLUDED."status", "lastPosition" = EXCLUDED."lastPosition", "updatedAt" = now()
     WHERE "PosOrderTask"."lastPosition" < EXCLUDED."lastPosition"`;
}

/** The store app's queue: a pick task per order, removed when the OMS cancels it. */
export const applyPosEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  switch (event.type) {
    case "order.created": {
      const data = parseEventData(orderCreatedDataSchema, event.data);
      await setTask(tx, event, data.orderNumber, data.storeCode, "new");
      return "applied";
    }
    case "order.canceled": {
      const data = parseEventData(orderCanceledDataSchema, event.data);
      await setTask(tx, event, data.orderNumber, data.storeCode, "canceled");
      return "applied";
    }
    case "order.picked_up": {
      const data = parseEventData(orderPickedUpDataSchema, event.data);
      await setTask(tx, event, data.orderNumber, data.storeCode, "picked_up");
      return "applied";
    }
    case "order.no_show": {
      const data = parseEventData(orderReadyDataSchema, event.data);
      await setTask(tx, event, data.orderNumber, data.storeCode, "no_show");
      return "applied";
    }
    default:
      throw new UnsupportedEventError(event.type);
  }
};
