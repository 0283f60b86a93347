import type { Db } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { NEVER_SENT_STEPS, OVERVIEW_ROWS, overviewRowOf, UPSTREAM } from "./overview-rows";
import { readEnv } from "@/lib/platform/env";

/** Above this share of failed steps (late, rejected or dead-lettered) a node shows red. */
export const NODE_FAILURE_THRESHOLD = readEnv().HANDOFF_NODE_FAILURE_THRESHOLD;

export type NodeCounts = { delivered: number; late: number; retrying: number; deadLettered: number; rejected: number; inFlight: number };
export type NodeHealth = {
  id: string;
  /** How the node reads when it is failing ("… never arrived"). */
  label: string;
  /** How it reads when it is healthy: the boundary itself. */
  boundary: string;
  lastHour: NodeCounts & { failureRate: number };
  last24h: NodeCounts & { failureRate: number };
  /** Failed steps per hour, oldest first, for the last 24 hours. */
  trend: number[];
  /** All steps due per hour (failed or not), oldest first: the trend's scale. */
  volume: number[];
  red: boolean;
};

type Row = { chain: Chain; stepNumber: number; sourceSystem: SystemName; outcome: keyof NodeCounts; bucket: Date; count: bigint | number };

const BUCKET_MS = 5 * 60_000;
/** The 5-minute bucket a moment falls in, as the database's "deliveredStepBucket" computes it. */
const bucketOf = (at: Date) => new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);

const empty = (): NodeCounts => ({ delivered: 0, late: 0, retrying: 0, deadLettered: 0, rejected: 0, inFlight: 0 });
const withRate = (counts: NodeCounts) => {
  const failed = counts.late + counts.deadLettered + counts.rejected;
  const settled = counts.delivered + failed;
  return { ...counts, failureRate: settled === 0 ? 0 : failed / settled };
};

/**
 * Per node, for steps due in the last hour and the last 24 hours (in 5-minute buckets):
 * how many arrived on time, late, are retrying, were dead-lettered or refused, with the
 * failure rate and an hourly trend. Delivered steps come from DeliveredStepBucket, which
 * a trigger keeps in step with ChainStep; the few undelivered ones are read by index.
 */
export async function nodeHealth(db: Db, now = new Date(), filter: { storeId?: string } = {}): Promise<NodeHealth[]> {
  const storeFilter = filter.storeId
    ? Prisma.sql`AND s."orderId" IN (SELECT o."id" FROM "Order" o WHERE o."storeId" = ${filter.storeId}::uuid)`
    : Prisma.empty;
  const since = bucketOf(new Date(now.getTime() - 24 * 3_600_000));
  const hourAgo = bucketOf(new Date(now.getTime() - 3_600_000));
  // A step that has not arrived counts at its deadline (capped at now, so steps still in
  // flight count in the current bucket).
  const outcome = Prisma.sql`
    CASE
      WHEN s."status" = 'REJECTED' THEN 'rejected'
      WHEN s."status" = 'DEAD_LETTERED' THEN 'deadLettered'
      WHEN s."expectedBy" < ${now}::timestamp THEN 'late'
      WHEN s."status" = 'FAILED' THEN 'retrying'
      ELSE 'inFlight'
    END`;
  const bucket = Prisma.sql`"deliveredStepBucket"(LEAST(s."expectedBy", ${now}::timestamp))`;
  const [delivered, undelivered, blocked, neverLeft] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT b."chain", b."stepNumber", b."sourceSystem", CASE WHEN b."late" THEN 'late' ELSE 'delivered' END AS "outcome", b."bucket", SUM(b."count") AS "count"
        FROM "DeliveredStepBucket" b
       WHERE b."bucket" >= ${since}::timestamp ${filter.storeId ? Prisma.sql`AND b."storeId" = ${filter.storeId}::uuid` : Prisma.empty}
       GROUP BY 1, 2, 3, 4, 5`,
    db.$queryRaw<Row[]>`
      SELECT s."chain", s."stepNumber", s."sourceSystem", ${outcome} AS "outcome", ${bucket} AS "bucket", COUNT(*) AS "count"
        FROM "ChainStep" s
       WHERE s."status" IN ('PENDING', 'FAILED', 'REJECTED', 'DEAD_LETTERED') AND s."expectedBy" >= ${since}::timestamp ${storeFilter}
       GROUP BY 1, 2, 3, 4, 5`,
    // A step waiting behind an upstream break is that break's impact, not a failure of its own node.
    db.$queryRaw<Row[]>`
      WITH upstream("chain", "step", "dependsOn") AS (VALUES ${Prisma.join(UPSTREAM.map(([chain, step, dependsOn]) => Prisma.sql`(${chain}::text, ${step}::int, ${dependsOn}::int)`))})
      SELECT s."chain", s."stepNumber", s."sourceSystem", ${outcome} AS "outcome", ${bucket} AS "bucket", COUNT(*) AS "count"
        FROM "ChainStep" s
       WHERE s."status" IN ('PENDING', 'FAILED') AND s."expectedBy" >= ${since}::timestamp ${storeFilter}
         AND EXISTS (
           SELECT 1 FROM upstream
             JOIN "ChainStep" u ON u."orderId" = s."orderId" AND u."chain" = s."chain" AND u."stepNumber" = upstream."dependsOn" AND u."status" <> 'DELIVERED'
            WHERE upstream."chain" = s."chain"::text AND upstream."step" = s."stepNumber")
       GROUP BY 1, 2, 3, 4, 5`,
    // Undelivered write-backs that never left their source are node 1, not node 2 (seed 000).
    db.$queryRaw<Row[]>`
      WITH never_sent("chain", "step") AS (VALUES ${Prisma.join(NEVER_SENT_STEPS.map(([chain, step]) => Prisma.sql`(${chain}::text, ${step}::int)`))})
      SELECT s."chain", s."stepNumber", s."sourceSystem", ${outcome} AS "outcome", ${bucket} AS "bucket", COUNT(*) AS "count"
        FROM "ChainStep" s
        JOIN never_sent ON never_sent."chain" = s."chain"::text AND never_sent."step" = s."stepNumber"
       WHERE s."status" IN ('PENDING', 'FAILED', 'REJECTED', 'DEAD_LETTERED') AND s."expectedBy" >= ${since}::timestamp ${storeFilter}
         AND s."attempts" = 0
         AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."orderId" = s."orderId" AND d."chain" = s."chain" AND d."stepNumber" = s."stepNumber" AND (d."attempts" > 0 OR d."status" <> 'PENDING'))
       GROUP BY 1, 2, 3, 4, 5`,
  ]);

  const byNode = new Map(OVERVIEW_ROWS.map((node) => [node.id, { lastHour: empty(), last24h: empty(), trend: Array<number>(24).fill(0), volume: Array<number>(24).fill(0) }]));
  const add = (id: string | null, row: Pick<Row, "outcome" | "bucket">, count: number) => {
    const node = id ? byNode.get(id) : undefined;
    if (!node) return;
    node.last24h[row.outcome] += count;
    if (row.bucket >= hourAgo) node.lastHour[row.outcome] += count;
    const hoursAgo = Math.min(23, Math.max(0, Math.floor((now.getTime() - row.bucket.getTime()) / 3_600_000)));
    node.volume[23 - hoursAgo]! += count;
    if (row.outcome === "late" || row.outcome === "rejected" || row.outcome === "deadLettered") node.trend[23 - hoursAgo]! += count;
  };
  for (const row of [...delivered, ...undelivered]) add(overviewRowOf(row.chain, row.stepNumber, row.sourceSystem, true), row, Number(row.count));
  for (const row of blocked) add(overviewRowOf(row.chain, row.stepNumber, row.sourceSystem, true), row, -Number(row.count));
  for (const row of neverLeft) {
    add(overviewRowOf(row.chain, row.stepNumber, row.sourceSystem, true), row, -Number(row.count));
    add(overviewRowOf(row.chain, row.stepNumber, row.sourceSystem, false), row, Number(row.count));
  }
  return OVERVIEW_ROWS.map(({ id, label, boundary }) => {
    const counts = byNode.get(id)!;
    const lastHour = withRate(counts.lastHour);
    const last24h = withRate(counts.last24h);
    return { id, label, boundary, lastHour, last24h, trend: counts.trend, volume: counts.volume, red: lastHour.failureRate > NODE_FAILURE_THRESHOLD || last24h.failureRate > NODE_FAILURE_THRESHOLD };
  });
}

/** Buckets older than this are no longer read by anything. */
const BUCKET_RETENTION_HOURS = 48;

/** Drops delivered-step buckets the overview no longer reads. */
export async function pruneDeliveredStepBuckets(db: Db, now = new Date()) {
  return db.deliveredStepBucket.deleteMany({ where: { bucket: { lt: new Date(now.getTime() - BUCKET_RETENTION_HOURS * 3_600_000) } } });
}

/** How far back a merge looks: steps arrive now, so rows land in the current bucket, almost never in older ones. */
const MERGE_WINDOW_MS = 3_600_000;

/**
 * Merges each past bucket's rows into one. Every statement that delivers steps appends its
 * counts as rows of their own (so no two transactions wait on one row); this keeps what the
 * overview sums to about one row per store, node and bucket. The current bucket is left to
 * fill. Rows deleted here are summed into one new row in the same statement, so the counts
 * never change, even with two merges at once.
 */
export async function mergeDeliveredStepBuckets(db: Db, now = new Date()): Promise<number> {
  const current = bucketOf(now);
  return db.$executeRaw`
    WITH split AS (
      SELECT "bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late" FROM "DeliveredStepBucket"
       WHERE "bucket" >= ${new Date(current.getTime() - MERGE_WINDOW_MS)}::timestamp AND "bucket" < ${current}::timestamp
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1),
    merged AS (
      DELETE FROM "DeliveredStepBucket" b USING split
       WHERE b."bucket" = split."bucket" AND b."storeId" = split."storeId" AND b."chain" = split."chain" AND b."stepNumber" = split."stepNumber"
         AND b."sourceSystem" = split."sourceSystem" AND b."late" = split."late"
      RETURNING b.*)
    INSERT INTO "DeliveredStepBucket" ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT "bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", sum("count") FROM merged
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum("count") <> 0`;
}
