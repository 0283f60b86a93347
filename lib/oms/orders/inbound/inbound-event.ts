import { z } from "zod";
import { int32 } from "@/lib/platform/http/int32";
import { parseOrderNumber } from "@/lib/oms/orders/order-number";

// What another system may tell the OMS: an external POS posts these to
// POST /api/v1/events/pos, and the built-in POS sends the same over the bus.

export const inboundEventSchema = z.looseObject({
  type: z.string().min(1, "type is required"),
  orderNumber: z
    .union([z.string(), z.number()])
    .transform((value, ctx) => {
      const number = parseOrderNumber(String(value));
      if (number === null) ctx.addIssue({ code: "custom", message: "orderNumber must look like H-100123 or 100123" });
      return number ?? 0;
    }),
  occurredAt: z.iso.datetime({ offset: true, message: "occurredAt must be an ISO 8601 date-time" }),
  data: z.record(z.string(), z.unknown()).default({}),
});

const associate = z.string().trim().min(1, "associate is required").max(100);

/** Each event type the OMS accepts from the POS, and its data (the chain step it fulfils is in the catalogue). */
export const POS_EVENTS = {
  "order.picking_started": { data: z.object({ associate: associate.optional() }) },
  "order.ready": { data: z.object({ associate: associate.optional(), stagingBin: z.string().trim().max(20).nullish() }) },
  "pickup.completed": {
    data: z.object({ associate, verifiedBy: z.enum(["pickup_code", "qr_code", "id_check", "manager_override"]).nullish(), idChecked: z.boolean().optional() }),
  },
  "order.canceled": { data: z.object({ associate: associate.optional(), reason: z.string().trim().min(1, "reason is required").max(200) }) },
  "order.lines_shorted": {
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
