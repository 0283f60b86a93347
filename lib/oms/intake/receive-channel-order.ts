import type { Db } from "@/lib/platform/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UnfillableOffer } from "@/lib/oms/routing/choose-store";
import type { ChannelAdapter, IntakeReason } from "./canonical-order";
import { channelCheckoutId } from "./channel-checkout-id";
import { takeIntakeToken } from "./intake-gate";
import { placeChannelOrder } from "./place-channel-order";
import { queueChannelOrder } from "./queue-channel-order";

export type IntakeOutcome =
  | { status: "accepted"; intakeId: string; orderNumber: number; storeCode: string; routing: string | null; duplicate: boolean }
  | { status: "quarantined"; intakeId: string; reasons: IntakeReason[]; offer?: UnfillableOffer }
  | { status: "queued"; intakeId: string }
  | { status: "queue_full"; retryAfterSeconds: number }
  | { status: "refused"; error: string };

/**
 * Takes one order from a channel. A valid one is placed and its intake record marked
 * accepted; an invalid one is kept in quarantine with the exact reasons, to be fixed and
 * replayed; above the channel's rate it is queued for the intake worker. The channel's
 * order id makes it idempotent: an accepted order sent again returns the same order, a
 * queued one keeps its place, a quarantined one sent again is tried again.
 */
export async function receiveChannelOrder(db: Db, adapter: ChannelAdapter, payload: unknown, now = new Date()): Promise<IntakeOutcome> {
  const channelOrderId = adapter.orderIdOf(payload);
  if (!channelOrderId) return { status: "refused", error: "The order has no id of the channel's own, so it cannot be taken (or safely retried)." };
  const existing = await db.intakeOrder.findUnique({ where: { channel_channelOrderId: { channel: adapter.channel, channelOrderId } } });
  if (existing?.status === "ACCEPTED" && existing.orderId) return accepted(db, existing.id, existing.orderId, true);
  if (existing?.status === "QUEUED") return { status: "queued", intakeId: existing.id };
  // Above the channel's rate the order waits for the intake worker instead of being refused.
  if (!takeIntakeToken(adapter.channel, now.getTime())) return queueChannelOrder(db, adapter, channelOrderId, payload);
  return processIntake(db, adapter, payload, channelOrderId, now, null);
}

/** Fix and replay from the ops intake page: the edited payload is tried as the channel's own. */
export async function replayIntakeOrder(db: Db, adapter: ChannelAdapter, intakeId: string, payload: unknown, staffName: string, now = new Date()): Promise<IntakeOutcome> {
  const existing = await db.intakeOrder.findUnique({ where: { id: intakeId } });
  if (!existing || existing.channel !== adapter.channel) return { status: "refused", error: "That quarantined order no longer exists." };
  if (existing.status === "ACCEPTED" && existing.orderId) return accepted(db, existing.id, existing.orderId, true);
  if (existing.status === "DISCARDED") return { status: "refused", error: "That order was discarded; the channel can send it again if it still wants it placed." };
  const channelOrderId = adapter.orderIdOf(payload);
  if (channelOrderId !== existing.channelOrderId) return { status: "refused", error: `Keep the channel's order id (${existing.channelOrderId}): it is how a resend is recognised.` };
  return processIntake(db, adapter, payload, channelOrderId, now, staffName);
}

/** Validates, routes and places one channel order, recording the outcome on its intake row. */
export async function processIntake(db: Db, adapter: ChannelAdapter, payload: unknown, channelOrderId: string, now: Date, staffName: string | null): Promise<IntakeOutcome> {
  const key = { channel: adapter.channel, channelOrderId };
  const declaredCents = adapter.declaredCentsOf(payload);
  const json = payload as Prisma.InputJsonValue;
  // Placed already by a copy of this request that got there first: the same order, not a
  // second try. Asked again after a failed try too: that copy may have taken the last unit.
  const placedEarlier = () => db.order.findUnique({ where: { checkoutId: channelCheckoutId(adapter.channel, channelOrderId) }, select: { id: true } });
  let earlier = await placedEarlier();
  const canonical = adapter.toCanonical(payload);
  let result = earlier ? null : canonical.ok ? await placeChannelOrder(db, adapter, canonical.order, now) : ({ ok: false, reasons: canonical.reasons } as const);
  if (result && !result.ok && canonical.ok && (earlier = await placedEarlier())) result = null;
  if (!result || result.ok) {
    const orderId = result ? result.placed.orderId : earlier!.id;
    const row = await db.intakeOrder.upsert({
      where: { channel_channelOrderId: key },
      create: { ...key, payload: json, status: "ACCEPTED", orderId, declaredCents, resolvedBy: staffName },
      update: { status: "ACCEPTED", orderId, reasons: [], leaseUntil: null, ...(result ? { payload: json, declaredCents, attempts: { increment: 1 }, resolvedBy: staffName } : {}) },
    });
    if (!result) return accepted(db, row.id, orderId, true);
    return { status: "accepted", intakeId: row.id, orderNumber: result.placed.number, storeCode: result.storeCode, routing: result.routing, duplicate: result.placed.alreadyPlaced };
  }
  const quarantine = { payload: json, status: "QUARANTINED" as const, reasons: result.reasons as Prisma.InputJsonValue, declaredCents, leaseUntil: null };
  // Never over an accepted row: a slower copy of the request must not hide a placed order.
  const { count } = await db.intakeOrder.updateMany({ where: { ...key, status: { not: "ACCEPTED" } }, data: { ...quarantine, attempts: { increment: 1 } } });
  const row = count === 1 ? await db.intakeOrder.findUnique({ where: { channel_channelOrderId: key } }) : await db.intakeOrder.upsert({ where: { channel_channelOrderId: key }, create: { ...key, ...quarantine }, update: {} });
  if (row?.status === "ACCEPTED" && row.orderId) return accepted(db, row.id, row.orderId, true);
  return { status: "quarantined", intakeId: row!.id, reasons: result.reasons, ...("offer" in result && result.offer ? { offer: result.offer } : {}) };
}

async function accepted(db: Db, intakeId: string, orderId: string, duplicate: boolean): Promise<IntakeOutcome> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true, routing: true, store: { select: { code: true } } } });
  const routing = (order.routing as { reason?: string } | null)?.reason ?? null;
  return { status: "accepted", intakeId, orderNumber: order.number, storeCode: order.store.code, routing, duplicate };
}
