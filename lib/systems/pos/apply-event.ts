import { orderRefDataSchema, parseEventData, UnsupportedEventError } from "../order-event-data";
import type { EventHandler } from "../receive-event";

// The store app's queue: a task per order, following what the OMS says happened to it.
const TASK_STATUS: Record<string, string> = {
  "order.created": "new",
  "order.canceled": "canceled",
  "order.picked_up": "picked_up",
  "order.no_show": "no_show",
};

export const applyPosEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  const status = TASK_STATUS[event.type];
  if (!status) throw new UnsupportedEventError(event.type);
  const data = parseEventData(orderRefDataSchema, event.data);
  // An older event arriving late changes nothing.
  await tx.$executeRaw`
    INSERT INTO "PosOrderTask" ("orderId", "orderNumber", "storeCode", "status", "lastPosition", "updatedAt")
    VALUES (${event.orderId}::uuid, ${data.orderNumber}, ${data.storeCode}, ${status}, ${BigInt(event.position)}, now())
    ON CONFLICT ("orderId") DO UPDATE
       SET "status" = EXCLUDED."status", "lastPosition" = EXCLUDED."lastPosition", "updatedAt" = now()
     WHERE "PosOrderTask"."lastPosition" < EXCLUDED."lastPosition"`;
  return "applied";
};
