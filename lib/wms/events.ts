import { z } from "zod";
import { EVENT } from "@/lib/bus/event-names";
import { int32 } from "@/lib/platform/http/int32";
import { orderLineDataSchema } from "@/lib/oms/events";

// What the WMS publishes on the bus: units that moved for an order, so the storefront's
// availability follows the shelf.

export const inventoryMovementDataSchema = z.object({
  orderNumber: int32().positive(),
  storeCode: z.string().min(1),
  lines: z.array(orderLineDataSchema).min(1),
});

/** An order's held units moved from one store to another (the order was rerouted). */
export const inventoryMovedDataSchema = z.object({
  orderNumber: int32().positive(),
  /** The store now holding them. */
  storeCode: z.string().min(1),
  released: z.object({ storeCode: z.string().min(1), lines: z.array(orderLineDataSchema) }),
  allocated: z.object({ storeCode: z.string().min(1), lines: z.array(orderLineDataSchema) }),
});

/** Every event the WMS writes, by name, with the schema its data must match. */
export const WMS_EVENTS = {
  [EVENT.inventoryAllocated]: inventoryMovementDataSchema,
  [EVENT.inventoryConsumed]: inventoryMovementDataSchema,
  [EVENT.inventoryReleased]: inventoryMovementDataSchema,
  [EVENT.inventoryRestocked]: inventoryMovementDataSchema,
  [EVENT.inventoryMoved]: inventoryMovedDataSchema,
} as const;
