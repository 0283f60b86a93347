import type { Db } from "@/lib/platform/db/prisma";
import { CLOCK_SKEW_MS } from "./clock-skew";
import { judgeFromLogs, type LogVerdict, type WatchedJudgement } from "./localize";
import { idsOf } from "./order-aliases";
import { loadVocabulary } from "./vocabulary";

export type CascadeMapEntry = {
  /** The id the order was first seen under; `aliases` are its other ids. */
  order: string;
  aliases: string[];
  events: number;
  state: WatchedJudgement["state"];
  verdict: LogVerdict;
  late: { chain: string; step: string; lateBySeconds: number }[];
};

/** Watched orders' lines under any of their ids, grouped by order (its own name), oldest first. */
export async function linesOf(db: Db, orderRefs: string[]) {
  const ids = await idsOf(db, orderRefs);
  const orderOfRef = new Map<string, string>();
  for (const { order, aliases } of ids.values()) for (const ref of [order, ...aliases]) orderOfRef.set(ref, order);
  const rows = await db.observation.findMany({
    where: { orderRef: { in: [...orderOfRef.keys()] } },
    select: { orderRef: true, system: true, eventType: true, direction: true, observedAt: true, status: true },
    orderBy: { observedAt: "asc" },
  });
  const byOrder = new Map<string, typeof rows>();
  for (const row of rows) {
    const order = orderOfRef.get(row.orderRef)!;
    const seen = byOrder.get(order);
    if (seen) seen.push(row);
    else byOrder.set(order, [row]);
  }
  return { byOrder, ids };
}

/** Each order judged as of `now` from every line it has under any of its ids (none for an order no line mentions), with its ids. */
export async function judgeOrdersNow(db: Db, orderRefs: string[], now: Date) {
  const [{ byOrder, ids }, vocabulary] = await Promise.all([linesOf(db, orderRefs), loadVocabulary(db)]);
  const judged = orderRefs.flatMap((order) => {
    const lines = byOrder.get(order);
    return lines?.length ? [{ order, lines, judgement: judgeFromLogs(lines, { now, skewMs: CLOCK_SKEW_MS, vocabulary }) }] : [];
  });
  return { judged, ids };
}

/**
 * Judges each order from all its observations so far (earlier batches included) as of
 * `now`, and keeps the verdict, so the dashboard lists it and the worker can judge an
 * in-flight order again when its next deadline passes.
 */
export async function judgeWatchedOrders(db: Db, orderRefs: string[], now = new Date()): Promise<CascadeMapEntry[]> {
  if (orderRefs.length === 0) return [];
  const { judged, ids } = await judgeOrdersNow(db, orderRefs, now);
  for (let i = 0; i < judged.length; i += 5_000) {
    const slice = judged.slice(i, i + 5_000);
    const column = <T>(pick: (entry: (typeof slice)[number]) => T) => slice.map(pick);
    const arrivals = slice.flatMap((entry) =>
      entry.judgement.steps.filter((step) => step.source !== step.target && step.latencyMs !== null).map((step) => ({ order: entry.order, step })),
    );
    const arrival = <T>(pick: (row: (typeof arrivals)[number]) => T) => arrivals.map(pick);
    // A few statements per slice, not per order (an upload can touch thousands), in one transaction so no reader sees half a verdict.
    await db.$transaction([
      db.$executeRaw`
      INSERT INTO "WatchedOrder" ("orderRef", "state", "nodeId", "nodeLabel", "chain", "stepNumber", "missing", "stuckSince", "lateSteps", "firstSeenAt", "lastSeenAt", "judgedAt", "nextCheckAt")
      SELECT o.ref, o.state, o.node_id, o.node_label, o.chain::"Chain", o.step, o.missing, o.stuck::timestamptz AT TIME ZONE 'UTC', o.late,
             o.first_seen::timestamptz AT TIME ZONE 'UTC', o.last_seen::timestamptz AT TIME ZONE 'UTC', ${now}::timestamp, o.next_check::timestamptz AT TIME ZONE 'UTC'
        FROM unnest(
          ${column((entry) => entry.order)}::text[],
          ${column((entry) => entry.judgement.state)}::text[],
          ${column((entry) => entry.judgement.verdict?.node.id ?? null)}::text[],
          ${column((entry) => entry.judgement.verdict?.node.label ?? null)}::text[],
          ${column((entry) => entry.judgement.verdict?.chain ?? null)}::text[],
          ${column((entry) => entry.judgement.verdict?.stepNumber ?? null)}::int[],
          ${column((entry) => entry.judgement.verdict?.missing ?? null)}::text[],
          ${column((entry) => entry.judgement.verdict?.stuckSince?.toISOString() ?? null)}::text[],
          ${column((entry) => entry.judgement.late.length)}::int[],
          ${column((entry) => entry.lines[0]!.observedAt.toISOString())}::text[],
          ${column((entry) => entry.lines.at(-1)!.observedAt.toISOString())}::text[],
          ${column((entry) => entry.judgement.nextCheckAt?.toISOString() ?? null)}::text[]
        ) AS o(ref, state, node_id, node_label, chain, step, missing, stuck, late, first_seen, last_seen, next_check)
      ON CONFLICT ("orderRef") DO UPDATE SET
        "state" = EXCLUDED."state", "nodeId" = EXCLUDED."nodeId", "nodeLabel" = EXCLUDED."nodeLabel", "chain" = EXCLUDED."chain",
        "stepNumber" = EXCLUDED."stepNumber", "missing" = EXCLUDED."missing", "stuckSince" = EXCLUDED."stuckSince", "lateSteps" = EXCLUDED."lateSteps",
        "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt", "judgedAt" = EXCLUDED."judgedAt", "nextCheckAt" = EXCLUDED."nextCheckAt"`,
      db.$executeRaw`DELETE FROM "WatchedArrival" WHERE "orderRef" = ANY(${column((entry) => entry.order)}::text[])`,
      db.$executeRaw`
        INSERT INTO "WatchedArrival" ("orderRef", "stepId", "chain", "source", "target", "arrivedAt", "latencyMs", "lateBySeconds")
        SELECT a.ref, a.step, a.chain::"Chain", a.source::"SystemName", a.target::"SystemName", a.arrived::timestamptz AT TIME ZONE 'UTC', a.latency, a.late
          FROM unnest(
            ${arrival((row) => row.order)}::text[], ${arrival((row) => row.step.step)}::text[], ${arrival((row) => row.step.chain)}::text[],
            ${arrival((row) => row.step.source)}::text[], ${arrival((row) => row.step.target)}::text[], ${arrival((row) => row.step.arrivedAt!.toISOString())}::text[],
            ${arrival((row) => row.step.latencyMs!)}::int[], ${arrival((row) => row.step.lateBySeconds)}::int[]
          ) AS a(ref, step, chain, source, target, arrived, latency, late)`,
    ]);
  }
  return judged.map(({ order, lines, judgement }) => ({
    order,
    aliases: ids.get(order)?.aliases ?? [],
    events: lines.length,
    state: judgement.state,
    verdict: judgement.verdict,
    late: judgement.late.map((step) => ({ chain: step.chain, step: step.step, lateBySeconds: step.lateBySeconds! })),
  }));
}

/** The in-flight orders whose next deadline has passed, judged again: silence becomes a failure without a new line. */
export async function rejudgeDueWatchedOrders(db: Db, now = new Date(), limit = 2_000): Promise<number> {
  const due = await db.watchedOrder.findMany({
    where: { state: "in_flight", nextCheckAt: { lte: now } },
    select: { orderRef: true },
    orderBy: { nextCheckAt: "asc" },
    take: limit,
  });
  await judgeWatchedOrders(db, due.map((order) => order.orderRef), now);
  return due.length;
}
