import type { Db } from "@/lib/platform/db/prisma";

export type StoreCapacityRow = { code: string; name: string; pauses: number; pausedMinutes: number; capChanges: number; dailyOrderCap: number | null; concurrentOrderCap: number | null };

/**
 * Per store over a period: how often and how long it stopped taking pickup orders (a pause
 * lasts until its resume, by hand or by itself, or until the period's end), how often its caps
 * changed, and its caps now. Stores that neither paused nor changed caps are left out.
 */
export async function loadStoreCapacityKpis(db: Db, period: { from: Date; to: Date }): Promise<StoreCapacityRow[]> {
  const rows = await db.$queryRaw<{ code: string; name: string; pauses: number; pausedMinutes: number; capChanges: number; dailyOrderCap: number | null; concurrentOrderCap: number | null }[]>`
    WITH pauses AS (
      SELECT p."storeId", p."at" AS "from",
             LEAST(${period.to}::timestamp, COALESCE((SELECT min(r."at") FROM "StoreCapacityChange" r WHERE r."storeId" = p."storeId" AND r."action" = 'RESUMED' AND r."at" >= p."at"), ${period.to}::timestamp)) AS "until"
        FROM "StoreCapacityChange" p
       WHERE p."action" = 'PAUSED' AND p."at" < ${period.to}::timestamp),
    per_store AS (
      SELECT "storeId",
             COUNT(*) FILTER (WHERE "from" >= ${period.from}::timestamp)::int AS "pauses",
             COALESCE(SUM(EXTRACT(EPOCH FROM ("until" - GREATEST("from", ${period.from}::timestamp))) / 60) FILTER (WHERE "until" > ${period.from}::timestamp), 0)::int AS "pausedMinutes"
        FROM pauses GROUP BY 1),
    caps AS (
      SELECT "storeId", COUNT(*)::int AS "capChanges" FROM "StoreCapacityChange"
       WHERE "action" = 'CAPS_SET' AND "at" >= ${period.from}::timestamp AND "at" < ${period.to}::timestamp GROUP BY 1)
    SELECT s."code", s."name", COALESCE(ps."pauses", 0) AS "pauses", COALESCE(ps."pausedMinutes", 0) AS "pausedMinutes", COALESCE(c."capChanges", 0) AS "capChanges",
           s."dailyOrderCap", s."concurrentOrderCap"
      FROM "Store" s LEFT JOIN per_store ps ON ps."storeId" = s."id" LEFT JOIN caps c ON c."storeId" = s."id"
     WHERE ps."storeId" IS NOT NULL OR c."storeId" IS NOT NULL OR s."dailyOrderCap" IS NOT NULL OR s."concurrentOrderCap" IS NOT NULL
     ORDER BY s."code"`;
  return rows;
}
