import { z } from "zod";
import { EVENT } from "@/lib/bus/event-names";
import { int32 } from "@/lib/platform/http/int32";

// What the POS publishes on the bus, and what an external POS posts to the OMS's
// inbound API: the same events with the same data.

const associate = z.string().trim().min(1, "associate is required").max(100);

/** Each event the POS announces, and its data: what the OMS accepts from any POS, built-in or not. */
export const POS_EVENTS = {
  [EVENT.orderPickingStarted]: { data: z.object({ associate: associate.optional() }) },
  [EVENT.orderReady]: { data: z.object({ associate: associate.optional(), stagingBin: z.string().trim().max(20).nullish() }) },
  [EVENT.pickupCompleted]: {
    data: z.object({ associate, verifiedBy: z.enum(["pickup_code", "qr_code", "id_check", "manager_override"]).nullish(), idChecked: z.boolean().optional() }),
  },
  [EVENT.orderCanceled]: { data: z.object({ associate: associate.optional(), reason: z.string().trim().min(1, "reason is required").max(200) }) },
  /** The store cannot fill the order at all: the OMS finds it another store, asks the shopper, or cancels it. */
  [EVENT.orderRejected]: { data: z.object({ associate: associate.optional(), reason: z.string().trim().min(1, "reason is required").max(200) }) },
  [EVENT.orderLinesShorted]: {
    data: z.object({
      associate: associate.optional(),
      lines: z
        .array(
          z.object({
            sku: z.string().trim().min(1, "sku is required").max(64),
            quantity: int32().positive("quantity must be at least 1").max(10_000, "quantity must be at most 10000"),
            reason: z.string().trim().min(1, "reason is required").max(200),
          }),
        )
        .min(1, "name at least one short line"),
    }),
  },
} as const satisfies Record<string, { data: z.ZodType }>;

export type PosEventType = keyof typeof POS_EVENTS;

export function isPosEventType(type: string): type is PosEventType {
  return Object.hasOwn(POS_EVENTS, type);
}

/** On the bus every POS event also names its order and store. */
const posOrderRef = { orderNumber: int32().positive(), storeCode: z.string().min(1) };

/** Every event the POS writes, by name, with the schema its data must match. */
export const POS_PUBLISHED_EVENTS = {
  [EVENT.orderPickingStarted]: POS_EVENTS[EVENT.orderPickingStarted].data.extend(posOrderRef),
  [EVENT.orderReady]: POS_EVENTS[EVENT.orderReady].data.extend(posOrderRef),
  [EVENT.pickupCompleted]: POS_EVENTS[EVENT.pickupCompleted].data.extend(posOrderRef),
  [EVENT.orderCanceled]: POS_EVENTS[EVENT.orderCanceled].data.extend(posOrderRef),
  [EVENT.orderLinesShorted]: POS_EVENTS[EVENT.orderLinesShorted].data.extend(posOrderRef),
  [EVENT.orderRejected]: POS_EVENTS[EVENT.orderRejected].data.extend(posOrderRef),
} as const;
