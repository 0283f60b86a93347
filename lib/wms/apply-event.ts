import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import { inventoryMovementDataSchema } from "./events";
import { linesShortedDataSchema, orderCanceledDataSchema, orderCreatedDataSchema, orderPickedUpDataSchema, orderReadyDataSchema, orderReroutedDataSchema, orderStagedDataSchema } from "@/lib/oms/events";
import { parseEventData, UnsupportedEventError } from "@/lib/bus/event-data";
import type { EventHandler } from "@/lib/bus/receive-event";

/** Releases an order's held units back to the floor and tells the storefront what came back. */
async function releaseHeld(tx: Tx, orderId: string, data: { orderNumber: number; storeCode: string }, announce: typeof EVENT.inventoryReleased | typeof EVENT.inventoryRestocked) {
  const held = await tx.wmsAllocation.updateManyAndReturn({ where: { orderId, status: "HELD" }, data: { status: "RELEASED", stagingBin: null }, select: { sku: true, quantity: true } });
  if (held.length === 0) return "applied" as const;
  await writeOutboxEvent(tx, {
    source: "WMS",
    type: announce,
    orderId,
    payload: { orderNumber: data.orderNumber, storeCode: data.storeCode, lines: held.map(({ sku, quantity }) => ({ sku, quantity })) },
  });
  return "applied" as const;
}

/**
 * The WMS keeps a physical allocation per order line. It hears of orders only from
 * the OMS and tells the storefront what moved through its own outbox.
 */
export const applyWmsEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  const orderId = event.orderId;
  switch (event.type) {
    case EVENT.orderCreated: {
      const data = parseEventData(orderCreatedDataSchema, event.data);
      const lines = data.lines.map(({ sku, quantity }) => ({ sku, quantity }));
      await tx.wmsAllocation.createMany({
        data: lines.map((line) => ({ orderId, orderNumber: data.orderNumber, storeCode: data.storeCode, ...line })),
        skipDuplicates: true,
      });
      await writeOutboxEvent(tx, {
        source: "WMS",
        type: EVENT.inventoryAllocated,
        orderId,
        payload: parseEventData(inventoryMovementDataSchema, { orderNumber: data.orderNumber, storeCode: data.storeCode, lines }),
      });
      return "applied";
    }
    case EVENT.orderReady: {
      // The held units now sit in a staging bin; the WMS tracks where, so a count or a
      // handover can find them.
      const data = parseEventData(orderStagedDataSchema, event.data);
      await tx.wmsAllocation.updateMany({ where: { orderId, status: "HELD" }, data: { stagingBin: data.stagingBin } });
      return "applied";
    }
    case EVENT.orderCanceled:
      return releaseHeld(tx, orderId, parseEventData(orderCanceledDataSchema, event.data), EVENT.inventoryReleased);
    case EVENT.orderNoShow:
      // Seed 001's no-show path: the held units go back on the shelf.
      return releaseHeld(tx, orderId, parseEventData(orderReadyDataSchema, event.data), EVENT.inventoryRestocked);
    case EVENT.orderPickedUp: {
      // Fulfillment complete: the held units left the building and the bin is free.
      const data = parseEventData(orderPickedUpDataSchema, event.data);
      const held = await tx.wmsAllocation.updateManyAndReturn({ where: { orderId, status: "HELD" }, data: { status: "CONSUMED", stagingBin: null }, select: { sku: true, quantity: true } });
      if (held.length === 0) return "applied";
      await writeOutboxEvent(tx, {
        source: "WMS",
        type: EVENT.inventoryConsumed,
        orderId,
        payload: { orderNumber: data.orderNumber, storeCode: data.storeCode, lines: held.map(({ sku, quantity }) => ({ sku, quantity })) },
      });
      return "applied";
    }
    case EVENT.orderRerouted: {
      // The order moved to another store: what the old store held goes back on its shelf, and
      // the new store holds every line; the storefront hears of both in one event.
      const data = parseEventData(orderReroutedDataSchema, event.data);
      const released = await tx.wmsAllocation.updateManyAndReturn({
        where: { orderId, status: "HELD" },
        data: { status: "RELEASED", stagingBin: null },
        select: { sku: true, quantity: true, storeCode: true },
      });
      const lines = data.lines.map(({ sku, quantity }) => ({ sku, quantity }));
      // One row per order and SKU: the line moves, held again, at the new store.
      for (const line of lines) {
        await tx.wmsAllocation.upsert({
          where: { orderId_sku: { orderId, sku: line.sku } },
          create: { orderId, orderNumber: data.orderNumber, storeCode: data.storeCode, ...line },
          update: { storeCode: data.storeCode, quantity: line.quantity, status: "HELD", stagingBin: null },
        });
      }
      await writeOutboxEvent(tx, {
        source: "WMS",
        type: EVENT.inventoryMoved,
        orderId,
        payload: {
          orderNumber: data.orderNumber,
          storeCode: data.storeCode,
          released: { storeCode: released[0]?.storeCode ?? data.previousStore.code, lines: released.map(({ sku, quantity }) => ({ sku, quantity })) },
          allocated: { storeCode: data.storeCode, lines },
        },
      });
      return "applied";
    }
    case EVENT.orderLinesShorted: {
      // Units the store could not find leave the allocation; they were never on the shelf.
      const data = parseEventData(linesShortedDataSchema, event.data);
      for (const line of data.shorted) {
        await tx.wmsAllocation.updateMany({ where: { orderId, sku: line.sku, status: "HELD" }, data: { quantity: { decrement: line.quantity } } });
        await tx.wmsAllocation.updateMany({ where: { orderId, sku: line.sku, status: "HELD", quantity: { lte: 0 } }, data: { status: "RELEASED", quantity: 0 } });
      }
      return "applied";
    }
    default:
      throw new UnsupportedEventError(event.type);
  }
};
