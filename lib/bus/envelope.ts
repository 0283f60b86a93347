import { z } from "zod";
import { int32 } from "@/lib/platform/http/int32";

/** What crosses every boundary: the outbox event, as JSON. */
export const eventEnvelopeSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  source: z.enum(["STOREFRONT", "OMS", "WMS", "POS", "NOTIFICATION"]),
  position: z.string().regex(/^\d+$/, "position must be a whole number"),
  orderId: z.uuid().nullable(),
  orderNumber: int32().positive().nullable(),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

function orderNumberOf(payload: unknown): number | null {
  const value = (payload as { orderNumber?: unknown } | null)?.orderNumber;
  return typeof value === "number" ? value : null;
}

export function envelopeOf(event: { id: string; type: string; source: string; position: bigint; orderId: string | null; occurredAt: Date; payload: unknown }): EventEnvelope {
  return {
    id: event.id,
    type: event.type,
    source: event.source as EventEnvelope["source"],
    position: event.position.toString(),
    orderId: event.orderId,
    orderNumber: orderNumberOf(event.payload),
    occurredAt: event.occurredAt.toISOString(),
    data: (event.payload ?? {}) as Record<string, unknown>,
  };
}
