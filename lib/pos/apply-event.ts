import { EVENT } from "@/lib/bus/event-names";
import type { Tx } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import type { EventEnvelope } from "@/lib/bus/envelope";
import type { z } from "zod";
import { customerArrivedDataSchema, orderCreatedDataSchema, orderReroutedDataSchema, orderRefDataSchema, orderLateDataSchema, pickupUpdatedDataSchema, stockShortDataSchema } from "@/lib/oms/events";
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
  // Units another store could not find arrive as an order of their own: the tablet says where from.
  await tx.posOrderTask.createMany({ data: { ...taskFields(event, data), status: "new", reroutedFrom: data.splitFrom?.storeName ?? null, splitFromNumber: data.splitFrom?.orderNumber ?? null }, skipDuplicates: true });
  await tx.posOrderLine.createMany({ data: pickList(event.orderId, data), skipDuplicates: true });
}

type OrderToPick = z.infer<typeof orderCreatedDataSchema>;

/** The queue entry's columns from an order event that carries the whole order. */
function taskFields(event: EventEnvelope & { orderId: string }, data: OrderToPick) {
  return {
    orderId: event.orderId,
    orderNumber: data.orderNumber,
    storeCode: data.storeCode,
    lastPosition: BigInt(event.position),
    customerFirstName: data.customer.name.trim().split(/\s+/)[0] ?? "",
    pickupMethod: data.pickupMethod,
    slotStartsAt: data.slot ? new Date(data.slot.startsAt) : null,
    slotEndsAt: data.slot ? new Date(data.slot.endsAt) : null,
    promisedReadyAt: new Date(data.promisedReadyAt),
    placedAt: new Date(event.occurredAt),
    pickTargetAt: data.pickTargetAt ? new Date(data.pickTargetAt) : null,
    itemCount: data.lines.reduce((sum, line) => sum + line.quantity, 0),
    pickupCodeHash: data.pickupCodeHash ?? null,
    holdUntil: data.pickup?.holdUntil ? new Date(data.pickup.holdUntil) : null,
  };
}

/** Everything on the pick list comes with the order: the POS keeps no copy of the catalog. */
function pickList(orderId: string, data: OrderToPick) {
  return data.lines.map((line) => ({
    orderId,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    imageUrl: line.imageUrl ?? "",
    barcode: line.barcode ?? null,
    location: line.location ?? null,
  }));
}

/**
 * The order moved to another store: the old store's queue drops it and the new store's
 * receives it as a new pick (one queue entry per order, so this is one move), with where it
 * came from. An older event arriving late changes nothing.
 */
async function moveToStore(tx: Tx, event: EventEnvelope & { orderId: string }) {
  const data = parseEventData(orderReroutedDataSchema, event.data);
  const fields = taskFields(event, data);
  const fresh = {
    ...fields,
    status: "new",
    reroutedFrom: data.previousStore.name,
    splitFromNumber: null,
    rejectReason: null,
    stockAlert: null,
    lateAlert: null,
    lateSince: null,
    stagingBin: null,
    pickingStartedAt: null,
    readyAt: null,
    arrivedAt: null,
    closedAt: null,
    failedCodeAttempts: 0,
    handoverLockedAt: null,
  };
  const { orderId, ...changes } = fresh;
  const { count } = await tx.posOrderTask.updateMany({ where: { orderId, lastPosition: { lt: fields.lastPosition } }, data: changes });
  if (count === 0) {
    const created = await tx.posOrderTask.createMany({ data: fresh, skipDuplicates: true });
    if (created.count === 0) return; // a later event already moved the entry on
  }
  await tx.posOrderLine.deleteMany({ where: { orderId } });
  await tx.posOrderLine.createMany({ data: pickList(orderId, data) });
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
  if (event.type === EVENT.orderRerouted) {
    await moveToStore(tx, forOrder);
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
  if (event.type === EVENT.orderPickupUpdated) {
    // Who may collect it and until when: the latest word wins, an older one arriving late changes nothing.
    const data = parseEventData(pickupUpdatedDataSchema, event.data);
    const position = BigInt(event.position);
    await tx.posOrderTask.updateMany({
      where: { orderId: event.orderId, lastPosition: { lt: position } },
      data: { holdUntil: data.holdUntil ? new Date(data.holdUntil) : null, collectorName: data.collectorName, lastPosition: position },
    });
    return "applied";
  }
  if (event.type === EVENT.orderLate) {
    // Raised at the store the order is late at; a task that has since moved elsewhere is not late there.
    const data = parseEventData(orderLateDataSchema, event.data);
    await tx.posOrderTask.updateMany({ where: { orderId: event.orderId, storeCode: data.storeCode }, data: { lateAlert: data.message, lateSince: new Date(data.lateSince) } });
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
