import type { OrderChannel } from "@/lib/generated/prisma/enums";

/** A channel's order after its adapter: the shape the intake validates, routes and places. */
export type CanonicalOrder = {
  channel: Exclude<OrderChannel, "WEB">;
  channelOrderId: string;
  /** The pickup store the channel asked for, by our store code; null lets routing choose. */
  storeCode: string | null;
  /** The customer's ZIP code, where routing measures distance from when no store is named. */
  customerPostalCode: string | null;
  pickupMethod: "IN_STORE" | "CURBSIDE";
  pickupWindow: { startsAt: Date; endsAt: Date } | null;
  customer: { name: string; email: string; phone: string };
  lines: { sku: string; quantity: number }[];
  payment: { reference: string; cardLast4: string | null };
  /** The total the channel charged, in cents, as it declared it. */
  declaredTotalCents: number | null;
};

/** One thing wrong with an order, at a path into the payload the channel sent. */
export type IntakeReason = { path: string; message: string };

/** Each channel's adapter: its payload schema, its order id, and its mapping to the canonical order. */
export type ChannelAdapter = {
  channel: CanonicalOrder["channel"];
  /** The channel's own order id, read leniently so even an invalid order can be kept and replayed. */
  orderIdOf(payload: unknown): string | null;
  /** The value it declared, read leniently, to rank quarantined orders. */
  declaredCentsOf(payload: unknown): number | null;
  toCanonical(payload: unknown): { ok: true; order: CanonicalOrder } | { ok: false; reasons: IntakeReason[] };
  /** Where in the channel's payload a field lives, to point reasons found after parsing at it. */
  paths: { lineSku(index: number): string; store: string; postalCode: string; pickupWindow: string };
};
