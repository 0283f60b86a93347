import type { Db } from "@/lib/platform/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { wakeDispatcher } from "./outbox";

export type ReplayFilter = {
  ids?: string[];
  orderId?: string;
  source?: SystemName;
  target?: SystemName;
  eventType?: string;
};

/**
 * Sends dead-lettered deliveries (refused, out of retries, or lost to an injected drop)
 * again from a clean slate. Receivers deduplicate on the event id, so replaying
 * something that did arrive changes nothing. Returns the ids of those queued again.
 */
export async function replayDeliveries(db: Db, filter: ReplayFilter): Promise<string[]> {
  const where: Prisma.DeliveryWhereInput = {
    status: "DEAD",
    ...(filter.ids ? { id: { in: filter.ids } } : {}),
    ...(filter.orderId ? { orderId: filter.orderId } : {}),
    ...(filter.target ? { targetSystem: filter.target } : {}),
    ...(filter.source || filter.eventType ? { event: { ...(filter.source ? { source: filter.source } : {}), ...(filter.eventType ? { type: filter.eventType } : {}) } } : {}),
  };
  const queued = await db.delivery.updateManyAndReturn({
    where,
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null, rejected: false, injectedFault: null, deliveredAt: null },
    select: { id: true },
  });
  if (queued.length > 0) await wakeDispatcher(db);
  return queued.map((delivery) => delivery.id);
}
