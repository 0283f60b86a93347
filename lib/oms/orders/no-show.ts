import { EVENT } from "@/lib/bus/event-names";
import { startChain } from "@/lib/bus/start-chain";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { releaseOrderHold } from "./cancel-order";
import { orderEventContext } from "./order-event-context";
import { transitionOrder } from "./transition-order";

/** How long before the hold ends a ready order's customer is reminded. */
export const REMINDER_LEAD_HOURS = 24;

/**
 * Reminds customers whose ready order's hold ends within the lead time. The claim is a
 * conditional UPDATE of `reminderSentAt`, so two workers never remind twice.
 */
/** Sweeps can be limited to one store (a store cluster's worker, or a test's own store). */
export type SweepScope = { storeId?: string };

export async function sendPickupReminders(db: Db, now = new Date(), scope: SweepScope = {}): Promise<number> {
  const due = await db.order.findMany({
    where: { ...scope, status: "READY", reminderSentAt: null, holdUntil: { lte: new Date(now.getTime() + REMINDER_LEAD_HOURS * 3_600_000), gt: now } },
    select: { id: true },
    take: 200,
  });
  let sent = 0;
  for (const { id } of due) {
    const reminded = await db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({ where: { id, status: "READY", reminderSentAt: null }, data: { reminderSentAt: now } });
      if (count === 0) return false;
      const order = await tx.order.findUniqueOrThrow({ where: { id }, select: { holdUntil: true } });
      await writeOutboxEvent(tx, {
        type: EVENT.orderPickupReminder,
        orderId: id,
        occurredAt: now,
        payload: { ...(await orderEventContext(tx, id)), holdUntil: order.holdUntil?.toISOString() ?? null },
      });
      await startChain(tx, { orderId: id, chain: "NO_SHOW", at: now, only: ["no-show-reminded"] });
      return true;
    });
    if (reminded) sent++;
  }
  if (sent > 0) await wakeDispatcher(db);
  return sent;
}

/**
 * Closes ready orders whose hold window has passed: READY → NO_SHOW through the
 * transition table, stock and card hold released, and the no-show chain carries the
 * restock and the ship-to-home offer to the other systems.
 */
export async function expireNoShows(db: Db, now = new Date(), scope: SweepScope = {}): Promise<number> {
  const expired = await db.order.findMany({ where: { ...scope, status: "READY", holdUntil: { lte: now } }, select: { id: true }, take: 200 });
  let closed = 0;
  for (const { id } of expired) {
    try {
      await db.$transaction(async (tx) => {
        const context = await orderEventContext(tx, id);
        const order = await transitionOrder(tx, {
          orderId: id,
          to: "NO_SHOW",
          at: now,
          changes: { canceledAt: now, cancelReason: "Not collected within the hold window" },
          payload: { ...context, offer: "ship_to_home" },
        });
        await releaseOrderHold(tx, order, now);
        // The reminder step started earlier; the rest of the chain starts with the expiry.
        await startChain(tx, { orderId: id, chain: "NO_SHOW", at: now, arrived: ["no-show-closed"], only: ["no-show-closed", "no-show-restocked", "no-show-available", "no-show-shown", "no-show-offered"] });
      });
      closed++;
    } catch (error) {
      if (!isDomainError(error, "INVALID_TRANSITION")) throw error; // picked up or closed meanwhile
    }
  }
  if (closed > 0) await wakeDispatcher(db);
  return closed;
}
