import type { Db } from "@/lib/platform/db/prisma";
import { readEnv } from "@/lib/platform/env";

const RETENTION_DAYS = readEnv().HANDOFF_OBSERVATION_RETENTION_DAYS;
const BATCH = 10_000;

/**
 * Removes watched lines received longer ago than the retention, in batches so no statement
 * holds the table long, and the watched orders (with their ids) last seen before then.
 */
export async function pruneObservations(db: Db, now = new Date(), retentionDays = RETENTION_DAYS): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let removed = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "Observation" WHERE "id" IN (SELECT "id" FROM "Observation" WHERE "receivedAt" < ${cutoff}::timestamp LIMIT ${BATCH})`;
    removed += deleted;
    if (deleted < BATCH) break;
  }
  const gone = await db.watchedOrder.findMany({ where: { lastSeenAt: { lt: cutoff } }, select: { orderRef: true }, take: 100_000 });
  if (gone.length) {
    const refs = gone.map((order) => order.orderRef);
    await db.$transaction([db.orderAlias.deleteMany({ where: { canonical: { in: refs } } }), db.watchedOrder.deleteMany({ where: { orderRef: { in: refs } } }), db.watchedArrival.deleteMany({ where: { orderRef: { in: refs } } })]);
  }
  return removed;
}
