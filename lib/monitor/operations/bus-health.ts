import type { Db } from "@/lib/platform/db/prisma";

export type BusHealth = {
  /** Seconds since the freshest worker heartbeat; null when no worker has ever run. */
  workerHeartbeatAgeSeconds: number | null;
  /** How long the oldest due delivery has been waiting to be sent. */
  outboxLagSeconds: number;
  deadLetters: number;
};

/** What the operations endpoints report about the bus, in three small queries. */
export async function busHealth(db: Db, now = new Date()): Promise<BusHealth> {
  const [heartbeat, oldestDue, deadLetters] = await Promise.all([
    db.workerHeartbeat.aggregate({ _max: { seenAt: true } }),
    db.delivery.aggregate({ where: { status: "PENDING", nextAttemptAt: { lte: now } }, _min: { nextAttemptAt: true } }),
    db.delivery.count({ where: { status: "DEAD" } }),
  ]);
  const seconds = (date: Date) => Math.max(0, (now.getTime() - date.getTime()) / 1000);
  return {
    workerHeartbeatAgeSeconds: heartbeat._max.seenAt ? seconds(heartbeat._max.seenAt) : null,
    outboxLagSeconds: oldestDue._min.nextAttemptAt ? seconds(oldestDue._min.nextAttemptAt) : 0,
    deadLetters,
  };
}

/** A worker counts as alive when it reported within this long (it reports every few seconds). */
export const WORKER_STALE_SECONDS = 30;
