import type { Db } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";

/** The store takes pickup orders again (by hand, or `by: "automatic"` when its pause ran out). */
export async function resumeStore(db: Db, input: { storeId: string; by: string }, now = new Date()) {
  await db.$transaction(async (tx) => {
    // Guarded: a pause that already ended (by hand or by itself) is not ended twice.
    const { count } = await tx.store.updateMany({ where: { id: input.storeId, pausedAt: { not: null } }, data: { pausedAt: null, pausedUntil: null, pauseReason: null } });
    if (count === 0) throw new DomainError("CONFLICT", "The store is already taking pickup orders.");
    await tx.storeCapacityChange.create({ data: { storeId: input.storeId, action: "RESUMED", by: input.by, at: now } });
  });
}

/** Pauses that ran out: the stores resume (as they already do for shoppers), and the audit says so. */
export async function resumeDueStores(db: Db, now = new Date()): Promise<number> {
  const due = await db.store.findMany({ where: { pausedAt: { not: null }, pausedUntil: { lte: now } }, select: { id: true } });
  let resumed = 0;
  for (const store of due) {
    await resumeStore(db, { storeId: store.id, by: "automatic" }, now).then(
      () => resumed++,
      (error: unknown) => (error instanceof DomainError ? undefined : Promise.reject(error)),
    );
  }
  return resumed;
}
