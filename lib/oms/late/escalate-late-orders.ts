import { Prisma } from "@/lib/generated/prisma/client";
import type { LateKind } from "@/lib/generated/prisma/enums";
import { EVENT } from "@/lib/bus/event-names";
import { wakeDispatcher, writeOutboxEvent } from "@/lib/bus/outbox";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { formatStoreTime } from "@/lib/platform/format/store-time";
import { isLockConflict } from "@/lib/platform/errors";
import { orderEventContext } from "@/lib/oms/orders/order-event-context";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { computeReadyBy } from "@/lib/oms/slots/ready-by";
import { loadStore, scheduleOf, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { lateKindOf, lateMessage } from "./late-kind";
import { moveLateOrderInTx, offerLateOrderInTx } from "./move-late-order";

const BATCH = 200;

type Candidate = { id: string; storeId: string; status: string; placedAt: Date; arrivedAt: Date; promisedReadyAt: Date; slotStartsAt: Date; delayNotifiedAt: Date | null; raised: LateKind[] };

/**
 * Open orders running late at their store: not started within the store's start target, or
 * not ready by their promise. Each is raised once per kind (several workers may run): the
 * tablet alerts, the store's managers are written to, the ops dashboard lists it, and the
 * shopper is told of the delay with an honest new ready-by, once per order. If the retailer
 * moves late orders, one not started before its pickup window opens goes to a store that can
 * have it ready sooner. Returns how many were raised.
 */
export async function escalateLateOrders(db: Db, now = new Date()): Promise<number> {
  const settings = await retailerSettings(db);
  const stores = new Map<string, StoreWithHours | null>();
  let raised = 0;
  // Every candidate is looked at: an order whose store is closed now can be a candidate and not late yet.
  for (let after: Candidate | null = null; ; ) {
    const candidates = await readCandidates(db, now, after);
    for (const order of candidates) {
      if (!stores.has(order.storeId)) stores.set(order.storeId, await loadStore(db, order.storeId));
      const store = stores.get(order.storeId);
      if (!store) continue;
      if (!lateKindOf(order, scheduleOf(store), store.startTargetMinutes, now)) continue;
      const reroute = !settings.rerouteLateOrders ? null : settings.rerouteMode === "AUTO" ? ("move" as const) : settings.rerouteMode === "ASK" ? { offerMinutes: settings.rerouteOfferMinutes } : null;
      const done = await db.$transaction((tx) => raiseLate(tx, db, { candidate: order, store, now, reroute })).catch(skipContended);
      if (done) raised++;
    }
    if (candidates.length < BATCH) break;
    after = candidates.at(-1)!;
  }
  if (raised > 0) await wakeDispatcher(db);
  return raised;
}

/** Open orders that may be late, by cheap bounds (a start target in opening time is never shorter than in wall time); the rules decide. */
function readCandidates(db: Db, now: Date, after: Candidate | null): Promise<Candidate[]> {
  const page = after ? Prisma.sql`AND (o."placedAt", o."id") > (${after.placedAt}::timestamp, ${after.id}::uuid)` : Prisma.empty;
  return db.$queryRaw<Candidate[]>`
    WITH open AS (
      SELECT o.*, GREATEST(o."placedAt", (SELECT max(r."decidedAt") FROM "OrderReroute" r WHERE r."orderId" = o."id" AND r."status" = 'MOVED')) AS "arrivedAt"
        FROM "Order" o
       WHERE o."status" IN ('PLACED', 'PICKING') ${page})
    SELECT o."id", o."storeId", o."status"::text AS "status", o."placedAt", o."arrivedAt", o."promisedReadyAt", sl."startsAt" AS "slotStartsAt", o."delayNotifiedAt",
           ARRAY(SELECT l."kind"::text FROM "LateOrder" l WHERE l."orderId" = o."id" AND l."storeId" = o."storeId") AS "raised"
      FROM open o JOIN "Store" s ON s."id" = o."storeId" JOIN "PickupSlot" sl ON sl."id" = o."slotId"
     WHERE (o."promisedReadyAt" <= ${now} AND NOT EXISTS (SELECT 1 FROM "LateOrder" l WHERE l."orderId" = o."id" AND l."storeId" = o."storeId" AND l."kind" = 'NOT_READY'))
        OR (o."status" = 'PLACED' AND o."arrivedAt" <= ${now}::timestamp - make_interval(mins => s."startTargetMinutes")
            AND NOT EXISTS (SELECT 1 FROM "LateOrder" l WHERE l."orderId" = o."id" AND l."storeId" = o."storeId"))
     ORDER BY o."placedAt", o."id"
     LIMIT ${BATCH}`;
}

/** What the retailer does with a late start before the pickup window opens: move it, offer the shopper another store, or nothing. */
type LateReroute = "move" | { offerMinutes: number } | null;

type RaiseInput = { candidate: Candidate; store: StoreWithHours; now: Date; reroute: LateReroute };

async function raiseLate(tx: Tx, db: Db, { candidate, store, now, reroute }: RaiseInput): Promise<boolean> {
  // The order first, locked, and decided again from what it is now: a pick starting, a cancel,
  // a move or another worker's raise since the candidates were read waits or shows here.
  const [order] = await tx.$queryRaw<Candidate[]>`
    SELECT o."id", o."storeId", o."status"::text AS "status", o."placedAt", ${candidate.arrivedAt}::timestamp AS "arrivedAt", o."promisedReadyAt",
           ${candidate.slotStartsAt}::timestamp AS "slotStartsAt", o."delayNotifiedAt",
           ARRAY(SELECT l."kind"::text FROM "LateOrder" l WHERE l."orderId" = o."id" AND l."storeId" = o."storeId") AS "raised"
      FROM "Order" o WHERE o."id" = ${candidate.id}::uuid FOR UPDATE`;
  if (!order || order.storeId !== store.id) return false;
  const kind = lateKindOf(order, scheduleOf(store), store.startTargetMinutes, now);
  if (!kind) return false;
  // The unique (order, store, kind) row is the "once": another worker got there first.
  const { count } = await tx.lateOrder.createMany({ data: [{ orderId: order.id, storeId: store.id, kind, detectedAt: now }], skipDuplicates: true });
  if (count === 0) return false;

  const revisedReadyAt = await honestReadyBy(tx, store, order, now);
  const reroutable = kind === "NOT_STARTED" && order.slotStartsAt > now;
  const rerouteInput = { orderId: order.id, storeId: store.id, at: now, readyBy: revisedReadyAt, startTargetMinutes: store.startTargetMinutes };
  if (reroute === "move" && reroutable) {
    const moved = await moveLateOrderInTx(tx, db, rerouteInput);
    if (moved) {
      await tx.lateOrder.update({ where: { orderId_storeId_kind: { orderId: order.id, storeId: store.id, kind } }, data: { rerouted: true } });
      return true;
    }
  }
  const notifyShopper = order.delayNotifiedAt === null && revisedReadyAt > order.promisedReadyAt;
  // Offered with the delay, so only when the shopper is told of one.
  const offer = reroute && reroute !== "move" && reroutable && notifyShopper ? await offerLateOrderInTx(tx, db, { ...rerouteInput, minutes: reroute.offerMinutes }) : null;
  await tx.order.update({ where: { id: order.id }, data: { revisedReadyAt, ...(notifyShopper ? { delayNotifiedAt: now } : {}) } });
  await tx.lateOrder.update({ where: { orderId_storeId_kind: { orderId: order.id, storeId: store.id, kind } }, data: { revisedReadyAt } });
  const managers = await tx.user.findMany({ where: { role: "STORE_MANAGER", stores: { some: { storeId: store.id } } }, select: { name: true, email: true, phone: true }, orderBy: { email: "asc" } });
  await writeOutboxEvent(tx, {
    type: EVENT.orderLate,
    orderId: order.id,
    occurredAt: now,
    payload: {
      ...(await orderEventContext(tx, order.id)),
      kind: kind === "NOT_READY" ? "not_ready" : "not_started",
      message: lateMessage(kind, order, store.startTargetMinutes, (at) => formatStoreTime(at, store.timeZone)),
      lateSince: now.toISOString(),
      promisedReadyAt: order.promisedReadyAt.toISOString(),
      revisedReadyAt: revisedReadyAt.toISOString(),
      notifyShopper,
      managers,
      ...(offer ? { offer } : {}),
    },
  });
  return true;
}

/** A raise that lost a lock race (a deadlock or serialization failure) is tried again on the next run; anything else is a bug. */
function skipContended(error: unknown): false {
  if (isLockConflict(error)) return false;
  throw error;
}

/** When the store can now honestly have it ready: the orders ahead of it in the queue, then its own pick. */
async function honestReadyBy(tx: Tx, store: StoreWithHours, order: Candidate, now: Date): Promise<Date> {
  // Orders that were in the store's queue when this one reached it.
  const ahead = order.status === "PICKING" ? 0 : await tx.order.count({ where: { storeId: store.id, status: { in: ["PLACED", "PICKING"] }, placedAt: { lt: order.arrivedAt }, id: { not: order.id } } });
  const readyBy = computeReadyBy({ schedule: scheduleOf(store), now, prepMinutes: store.prepMinutes, pickers: store.pickers, queuedOrders: ahead });
  // A store with no opening hours ahead cannot promise; say a day, as honest as it gets.
  return readyBy ?? new Date(now.getTime() + 86_400_000);
}
