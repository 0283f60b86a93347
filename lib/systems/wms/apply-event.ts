import { writeOutboxEvent } from "@/lib/bus/outbox";
import { inventoryMovementDataSchema, orderCanceledDataSchema, orderCreatedDataSchema, orderPickedUpDataSchema, parseEventData, UnsupportedEventError } from "../order-event-data";
import type { EventHandler } from "../receive-event";

/**
 * The WMS keeps a physical allocation per order line. It hears of orders only from
 * the OMS and tells the storefront what moved through its own outbox.
 */
export const applyWmsEvent: EventHandler = async (tx, event) => {
  if (!event.orderId) return "ignored";
  const orderId = event.orderId;
  switch (event.type) {
    case "order.created": {
      const data = parseEventData(orderCreatedDataSchema, event.data);
      const lines = data.lines.map(({ sku, quantity }) => ({ sku, quantity }));
      await tx.wmsAllocation.createMany({
        data: lines.map((line) => ({ orderId, orderNumber: data.orderNumber, storeCode: data.storeCode, ...line })),
        skipDuplicates: true,
      });
      await writeOutboxEvent(tx, {
        source: "WMS",
        type: "inventory.allocated",
        orderId,
        payload: parseEventData(inventoryMovementDataSchema, { orderNumber: data.orderNumber, storeCode: data.storeCode, lines }),
      });
      return "applied";
    }
    case "order.canceled": {
      const data = parseEventData(orderCanceledDataSchema, event.data);
      const held = await tx.wmsAllocation.findMany({ where: { orderId, status: "HELD" } });
      if (held.length === 0) return "applied";
      await tx.wmsAllocation.updateMany({ where: { orderId, status: "HELD" }, data: { status: "RELEASED", stagingBin: null } });
      await writeOutboxEvent(tx, {
        source: "WMS",
        type: "inventory.released",
        orderId,
        payload: { orderNumber: data.orderNumber, storeCode: data.storeCode, lines: held.map(({ sku, quantity }) => ({ sku, quantity })) },
      });
      return "applied";
    }
    case "order.picked_up": {
      // Fulfillment complete: the held units left the building and the bin is free.
      const data = parseEventData(orderPickedUpDataSchema, event.data);
      const held = await tx.wmsAllocation.findMany({ where: { orderId, status: "HELD" } });
      await tx.wmsAllocation.updateMany({ where: { orderId, status: "HELD" }, data: { status: "CONSUMED", stagingBin: null } });
      if (held.length === 0) return "applied";
      await writeOutboxEvent(tx, {
        source: "WMS",
        type: "inventory.consumed",
        orderId,
        payload: { orderNumber: data.orderNumber, storeCode: data.storeCode, lines: held.map(({ sku, quantity }) => ({ sku, quantity })) },
      });
      return "applied";
    }
    default:
      throw new UnsupportedEventError(event.type);
  }
};
