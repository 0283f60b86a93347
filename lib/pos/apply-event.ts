import { EVENT } from "@/lib/bus/event-names";
import type { Tx } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import type { EventEnvelope } from "@/lib/bus/envelope";
import { customerArrivedDataSchema, orderCreatedDataSchema, orderRefDataSchema, stockShortDataSchema } from "@/lib/oms/events";
import { parseEventData, UnsupportedEventError } from "@/lib/bus/event-data";
import type { EventHandler } from "@/lib/bus/receive-event";
import { CLOSED_TASK_STATUSES, type PosTaskStatus } from "./task-status";

// What the OMS's word does to the store's queue entry.
const TASK_STATUS: Record<string, PosTaskStatus> = {
  [EVENT.orderCanceled]: "canceled",
  [EVENT.orderPickedUp]: "picked_up",
  [EVENT.orderNoShow]: "no_show",
};

/** A new order lands in the store's queue with its pick list and its pick-to-ready target. */
async function addToQueue(tx: Tx, event: EventEnvelope & { orderId: string }) {
  const data = parseEventData(orderCreatedDataSchema, event.data);
  const placedAt = new Date(event.occurredAt);
  await tx.posOrderTask.createMany({
    data: {
      orderId: event.orderId,
      orderNumber: data.orderNumber,
      storeCode: data.storeCode,
      status: "new",
      lastPosition: BigInt(event.position),
      customerFirstName: data.customer.name.trim().split(/\s+/)[0] ?? "",
      pickupMethod: data.pickupMethod,
      slotStartsAt: data.slot ? new Date(data.slot.startsAt) : null,
      slotEndsAt: data.slot ? new Date(data.slot.endsAt) : null,
      promisedReadyAt: new Date(data.promisedReadyAt),
      placedAt,
      pickTargetAt: data.pickTargetAt ? new Date(data.pickTargetAt) : null,
      itemCount: data.lines.reduce((sum, line) => sum + line.quantity, 0),
      pickupCodeHash: data.pickupCodeHash ?? null,
    },
    skipDuplicates: true,
  });
  await tx.posOrderLine.createMany({
    // Everything on the pick list comes with the order: the POS keeps no copy of the catalog.
    data: data.lines.map((line) => ({
      orderId: event.orderId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      imageUrl: line.imageUrl ?? "",
      barcode: line.barcode ?? null,
      location: line.location ?? null,
    })),
    skipDuplicates: true,
  });
}

/** Moves the queue entry to the OMS's outcome; an older event arriving late changes nothing. */
async function followOms(tx: Tx, event: EventEnvelope & { orderId: string }, status: PosTaskStatus) {
  const data = parseEventData(orderRefDataSchema, event.data);
  const closedAt = CLOSED_TASK_STATUSES.includes(status) ? new Date(event.occurredAt) : null;
  await tx.$executeRaw`
    INSERT INTO "PosOrderTask" ("orderId", "orderNumber", "storeCode", "status", "lastPosition", "closedAt", "updatedAt")
    VALUES (${event.orderId}::uuid, ${data.orderNumber}, ${data.storeCode}, ${status}, ${BigInt(event.position)}, ${closedAt}, now())
    ON CONFLICT ("orderId") DO UPDATE
       SET "status" = EXCLUDED."status", "lastPosition" = EXCLUDED."lastPosition",
           "closedAt" = COALESCE("PosOrderTask"."closedAt", EXCLUDED."closedAt"), "updatedAt" = now()
     WHERE "PosOrderTask"."lastPosition" < EXCLUDED."lastPosition"`;
}

/** The store app's queue: a task per order, following what the OMS says happened to it. */
export const applyPosEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  const forOrder = { ...event, orderId: event.orderId };
  if (event.type === EVENT.orderCreated) {
    await addToQueue(tx, forOrder);
    return "applied";
  }
  if (event.type === EVENT.orderCustomerArrived) {
    const data = parseEventData(customerArrivedDataSchema, event.data);
    await tx.posOrderTask.updateMany({
      where: { orderId: event.orderId },
      data: { arrivedAt: new Date(data.arrivedAt), parkingBay: data.parkingBay, carDescription: data.carDescription },
    });
    return "applied";
  }
  if (event.type === EVENT.orderStockShort) {
    // Each alert covers every item of the order that is short now, so the latest replaces the last.
    const data = parseEventData(stockShortDataSchema, event.data);
    await tx.posOrderTask.updateMany({ where: { orderId: event.orderId }, data: { stockAlert: data.message } });
    return "applied";
  }
  const status = ownValue(TASK_STATUS, event.type);
  if (!status) throw new UnsupportedEventError(event.type);
  await followOms(tx, forOrder, status);
  return "applied";
};
