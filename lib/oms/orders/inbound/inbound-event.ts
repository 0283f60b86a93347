import { z } from "zod";
import { parseOrderNumber } from "@/lib/platform/format/order-number";

// The envelope of what another system tells the OMS: an external POS posts it to
// POST /api/v1/events/pos; the events and their data are the POS's own (lib/pos/events.ts).

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
