import type { Db, Tx } from "@/lib/platform/db/prisma";
import { judgeWatchedOrders } from "./judge-watched-orders";
import { canonicalOf } from "./order-aliases";

const PAGE = 2_000;

/** Asks for every watched order to be judged again from the start (in the transaction that changed what their lines mean). */
export async function requestRejudge(tx: Tx, now = new Date()): Promise<void> {
  await tx.watchedRejudge.upsert({ where: { id: 1 }, create: { id: 1, after: "", requestedAt: now }, update: { after: "", requestedAt: now } });
}

export type RejudgeProgress = { judged: number; pending: boolean };

/**
 * Judges watched orders again, a page at a time in order of their ids, until none is
 * left or `budgetMs` has passed; where it stopped is kept, so the next call (the
 * worker's, or the next request's) goes on from there. A newer request, arriving
 * meanwhile, starts over and is not lost.
 */
export async function continueRejudge(db: Db, budgetMs: number, now = new Date(), pageSize = PAGE): Promise<RejudgeProgress> {
  const until = Date.now() + budgetMs;
  let judged = 0;
  for (;;) {
    const request = await db.watchedRejudge.findUnique({ where: { id: 1 } });
    if (!request) return { judged, pending: false };
    const page = await db.$queryRaw<{ orderRef: string }[]>`
      SELECT DISTINCT "orderRef" FROM "Observation" WHERE "orderRef" > ${request.after} ORDER BY "orderRef" LIMIT ${pageSize}`;
    const same = { id: 1, requestedAt: request.requestedAt };
    if (page.length === 0) {
      await db.watchedRejudge.deleteMany({ where: same });
      return { judged, pending: false };
    }
    const named = await canonicalOf(db, page.map((row) => row.orderRef));
    await judgeWatchedOrders(db, [...new Set(named.values())], now);
    judged += page.length;
    await db.watchedRejudge.updateMany({ where: same, data: { after: page.at(-1)!.orderRef } });
    if (Date.now() >= until) return { judged, pending: true };
  }
}
