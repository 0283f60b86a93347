import type { Db } from "@/lib/platform/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelAdapter } from "./canonical-order";
import { intakeQueueLimit, intakeRatePerSecond } from "./intake-gate";

export type QueueOutcome = { status: "queued"; intakeId: string } | { status: "queue_full"; retryAfterSeconds: number };

/**
 * Keeps an order sent above the channel's rate to be placed by the intake worker. The row
 * is written before the 202 goes back, so an order once answered is never lost; the
 * channel's order id keeps a resend from queueing it twice.
 */
export async function queueChannelOrder(db: Db, adapter: ChannelAdapter, channelOrderId: string, payload: unknown): Promise<QueueOutcome> {
  const queued = await db.intakeOrder.count({ where: { channel: adapter.channel, status: "QUEUED" } });
  if (queued >= intakeQueueLimit()) return { status: "queue_full", retryAfterSeconds: Math.max(1, Math.ceil(queued / Math.max(1, intakeRatePerSecond()))) };
  const row = await db.intakeOrder.upsert({
    where: { channel_channelOrderId: { channel: adapter.channel, channelOrderId } },
    create: { channel: adapter.channel, channelOrderId, payload: payload as Prisma.InputJsonValue, status: "QUEUED", declaredCents: adapter.declaredCentsOf(payload), attempts: 0 },
    // A resend of a quarantined order waits its turn with the new payload; a queued one keeps its place.
    update: {},
  });
  if (row.status === "QUARANTINED" || row.status === "DISCARDED") {
    await db.intakeOrder.updateMany({ where: { id: row.id, status: row.status }, data: { status: "QUEUED", payload: payload as Prisma.InputJsonValue } });
  }
  return { status: "queued", intakeId: row.id };
}
