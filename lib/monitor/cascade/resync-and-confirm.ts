import type { Db } from "@/lib/platform/db/prisma";
import { describeFault } from "@/lib/bus/faults/describe-fault";
import { plural } from "@/lib/platform/format/plural";
import { faultsInTheWay } from "@/lib/bus/faults/faults-in-the-way";
import { compareOrders } from "./compare-orders";
import type { Mismatch } from "./compare-systems";
import { resyncOrder } from "./resync-order";
import { readEnv } from "@/lib/platform/env";

/** How long a re-sync waits for what it sent to arrive before calling the order still failing. */
export const RESYNC_CONFIRM_SECONDS = readEnv().HANDOFF_RESYNC_CONFIRM_SECONDS;
const POLL_MS = 250;

export type ResyncedOrder = {
  orderId: string;
  orderNumber: number;
  /** Deliveries sent again. */
  resent: number;
  /** Everything re-sent arrived and the systems now agree: the repair is confirmed. */
  healed: boolean;
  /** Healed, or there was nothing to re-send and nothing disagrees: no need to act. */
  settled: boolean;
  /** What still disagrees after the wait (empty when healed). */
  remaining: Mismatch[];
  /** Enabled fault rules the re-sent deliveries run into ("Drop on OMS → STOREFRONT …"). */
  blockedBy: string[];
};

type Options = { now?: Date; confirmWithinMs?: number };

/**
 * Re-sends what each order is missing, waits until those deliveries have settled (or
 * the wait runs out), then compares the systems again. An order counts as re-synced only
 * when every re-sent delivery arrived and nothing disagrees any more: sending is not
 * repairing, and an active fault drops a re-send like it dropped the first one.
 */
export async function resyncAndConfirm(db: Db, orderIds: string[], options: Options = {}): Promise<ResyncedOrder[]> {
  const now = options.now ?? new Date();
  const sent = new Map<string, string[]>();
  for (const orderId of orderIds) sent.set(orderId, await resyncOrder(db, orderId, now));
  const resentIds = [...sent.values()].flat();
  await awaitSettled(db, resentIds, options.confirmWithinMs ?? RESYNC_CONFIRM_SECONDS * 1000);

  const [orders, deliveries, faults] = await Promise.all([
    db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true, status: true } }),
    db.delivery.findMany({ where: { id: { in: resentIds } }, select: { id: true, status: true } }),
    faultsInTheWay(db, orderIds),
  ]);
  const arrived = new Set(deliveries.filter((delivery) => delivery.status === "DELIVERED").map((delivery) => delivery.id));
  const disagreeing = new Map((await compareOrders(db, orders)).map(({ order, mismatches }) => [order.id, mismatches]));
  return orders.map((order) => {
    const resent = sent.get(order.id) ?? [];
    const remaining = disagreeing.get(order.id) ?? [];
    return {
      orderId: order.id,
      orderNumber: order.number,
      resent: resent.length,
      healed: resent.length > 0 && resent.every((id) => arrived.has(id)) && remaining.length === 0,
      settled: remaining.length === 0 && resent.every((id) => arrived.has(id)),
      remaining,
      blockedBy: (faults.get(order.id) ?? []).map(describeFault),
    };
  });
}

/** Waits until none of these deliveries is still due to be sent (a paused boundary never is), or the time is up. */
async function awaitSettled(db: Db, deliveryIds: string[], withinMs: number) {
  if (deliveryIds.length === 0) return;
  const deadline = Date.now() + withinMs;
  for (;;) {
    const due = await db.delivery.count({
      where: {
        id: { in: deliveryIds },
        status: "PENDING",
        nextAttemptAt: { lte: new Date(deadline) },
        OR: [{ injectedFault: null }, { injectedFault: { not: "PAUSE" } }],
      },
    });
    if (due === 0 || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** One line for a re-sync's outcome, as the ops pages show it. */
export function describeResync(results: ResyncedOrder[]): string {
  const healed = results.filter((result) => result.healed).length;
  const failing = results.filter((result) => !result.settled);
  const orders = (count: number) => plural(count, "order");
  const parts = [`Re-synced ${orders(healed)}: arrival confirmed.`];
  if (failing.length > 0) {
    const blocked = [...new Set(failing.flatMap((result) => result.blockedBy))];
    const nothingSent = failing.filter((result) => result.resent === 0).length;
    parts.push(`Still failing: ${orders(failing.length)}${nothingSent === failing.length ? " (nothing left to re-send)" : ""}.`);
    if (blocked.length > 0) parts.push(`An active fault drops it again: ${blocked.join("; ")}. Clear it at Faults first.`);
  }
  return results.length === 1 ? describeOne(results[0]!) : parts.join(" ");
}

function describeOne(result: ResyncedOrder): string {
  if (result.healed) return `H-${result.orderNumber} re-synced: ${plural(result.resent, "delivery")} sent again and confirmed.`;
  const why = result.blockedBy.length > 0 ? ` An active fault drops it again: ${result.blockedBy.join("; ")}. Clear it at Faults first.` : "";
  const what = result.remaining.length > 0 ? ` Still disagreeing: ${result.remaining.map((mismatch) => `${mismatch.system} has ${mismatch.actual}, expected ${mismatch.expected}`).join("; ")}.` : "";
  if (result.resent === 0) return `Nothing was left to re-send for H-${result.orderNumber}.${what}${why}`;
  return `H-${result.orderNumber} is still failing: ${plural(result.resent, "delivery")} sent again, not confirmed.${what}${why}`;
}
