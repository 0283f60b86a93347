import type { Db } from "@/lib/platform/db/prisma";

/** A store's latest pauses, resumes and cap changes, newest first: who, when and why (the audit the panel shows). */
export async function recentCapacityChanges(db: Db, storeId: string, take = 5) {
  const changes = await db.storeCapacityChange.findMany({ where: { storeId }, orderBy: { at: "desc" }, take });
  return changes.map((change) => ({
    id: change.id,
    at: change.at.toISOString(),
    by: change.by,
    action: change.action,
    reason: change.reason,
    pausedUntil: change.pausedUntil?.toISOString() ?? null,
    dailyOrderCap: change.dailyOrderCap,
    concurrentOrderCap: change.concurrentOrderCap,
    startTargetMinutes: change.startTargetMinutes,
  }));
}

export type CapacityChangeView = Awaited<ReturnType<typeof recentCapacityChanges>>[number];
