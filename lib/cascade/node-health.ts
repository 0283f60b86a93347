import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { CANCELLATION_NODES, PICKUP_NODES } from "./failure-nodes";
import { readEnv } from "@/lib/env";

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

// The overview's rows: one per chain for placement and ready, and the seeds' numbered nodes.
const OVERVIEW_NODES: { id: string; label: string; boundary: string }[] = [
  { id: "placement", label: "Placement — OMS → WMS, POS, storefront, notification", boundary: "Placement — OMS → WMS, POS, storefront, notification" },
  { id: "ready", label: "Ready — POS → OMS → storefront, notification, WMS", boundary: "Ready — POS → OMS → storefront, notification, WMS" },
  ...Object.values(PICKUP_NODES).map(({ id, label, boundary }) => ({ id, label, boundary })),
  ...Object.values(CANCELLATION_NODES).map(({ id, label, boundary }) => ({ id, label, boundary })),
];

/**
 * Which overview row a step counts under. Steps that happen inside the transaction that
 * starts a chain (the POS's own record, the OMS closing the order) are not crossings.
 */
export function overviewNodeOf(chain: Chain, stepNumber: number, source: SystemName, leftTheSource: boolean): string | null {
  switch (chain) {
    case "PLACEMENT":
      return stepNumber === 1 ? null : "placement";
    case "READY":
      return stepNumber === 1 ? null : "ready";
    case "PICKUP":
      if (stepNumber === 1 || stepNumber === 3) return null;
      if (stepNumber === 2) return leftTheSource ? "pickup-2" : "pickup-1";
      return `pickup-${stepNumber - 1}`;
    case "CANCELLATION":
      if (stepNumber === 4) return "cancellation-1";
      if (stepNumber === 3) return "cancellation-2";
      if (stepNumber === 1 && source === "POS") return "cancellation-3";
      return null;
    default:
      return null;
  }
}

// Which earlier step each step waits for (DESIGN.md's chains): [chain, step, depends on].
const UPSTREAM: [Chain, number, number][] = [
  ["PICKUP", 3, 2], ["PICKUP", 4, 2], ["PICKUP", 5, 2], ["PICKUP", 6, 2], ["PICKUP", 7, 4],
  ["CANCELLATION", 2, 1], ["CANCELLATION", 4, 1], ["CANCELLATION", 5, 1], ["CANCELLATION", 3, 2],
  ["READY", 3, 2], ["READY", 4, 2], ["READY", 5, 2],
  ["NO_SHOW", 3, 2], ["NO_SHOW", 5, 2], ["NO_SHOW", 6, 2], ["NO_SHOW", 4, 3],
];

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
        JOIN upstream ON upstream."chain" = s."chain"::text AND upstream."step" = s."stepNumber"
        JOIN "ChainStep" u ON u."orderId" = s."orderId" AND u."chain" = s."chain" AND u."stepNumber" = upstream."dependsOn" AND u."status" <> 'DELIVERED'
       WHERE s."status" IN ('PENDING', 'FAILED') AND s."expectedBy" >= ${since}::timestamp ${storeFilter}
       GROUP BY 1, 2, 3, 4, 5`,
    // Undelivered pickup write-backs that never left the POS are node 1, not node 2.
    db.$queryRaw<Row[]>`
      SELECT ${outcome} AS "outcome", ${bucket} AS "bucket", COUNT(*) AS "count"
        FROM "ChainStep" s
       WHERE s."status" IN ('PENDING', 'FAILED', 'REJECTED', 'DEAD_LETTERED') AND s."expectedBy" >= ${since}::timestamp ${storeFilter}
         AND s."chain" = 'PICKUP' AND s."stepNumber" = 2 AND s."attempts" = 0
         AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."orderId" = s."orderId" AND d."chain" = 'PICKUP' AND d."stepNumber" = 2 AND (d."attempts" > 0 OR d."status" <> 'PENDING'))
       GROUP BY 1, 2`,
  ]);

  const byNode = new Map(OVERVIEW_NODES.map((node) => [node.id, { lastHour: empty(), last24h: empty(), trend: Array<number>(24).fill(0), volume: Array<number>(24).fill(0) }]));
  const add = (id: string | null, row: Pick<Row, "outcome" | "bucket">, count: number) => {
    const node = id ? byNode.get(id) : undefined;
    if (!node) return;
    node.last24h[row.outcome] += count;
    if (row.bucket >= hourAgo) node.lastHour[row.outcome] += count;
    const hoursAgo = Math.min(23, Math.max(0, Math.floor((now.getTime() - row.bucket.getTime()) / 3_600_000)));
    node.volume[23 - hoursAgo]! += count;
    if (row.outcome === "late" || row.outcome === "rejected" || row.outcome === "deadLettered") node.trend[23 - hoursAgo]! += count;
  };
  for (const row of [...delivered, ...undelivered]) add(overviewNodeOf(row.chain, row.stepNumber, row.sourceSystem, true), row, Number(row.count));
  for (const row of blocked) add(overviewNodeOf(row.chain, row.stepNumber, row.sourceSystem, true), row, -Number(row.count));
  for (const row of neverLeft) {
    add("pickup-2", row, -Number(row.count));
    add("pickup-1", row, Number(row.count));
  }
  return OVERVIEW_NODES.map(({ id, label, boundary }) => {
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
