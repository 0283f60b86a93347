import { auditVerdict, type AuditVerdict } from "@/lib/monitor/cascade/audit";
import type { FailureNode } from "@/lib/monitor/cascade/failure-nodes";
import type { Db } from "@/lib/platform/db/prisma";
import type { Chain } from "@/lib/generated/prisma/enums";
import { judgeOrdersNow } from "./judge-watched-orders";
import { canonicalOf } from "./order-aliases";

export type WatchedAuditEvidence = {
  /** The order's own name (the id it was first seen under), whichever id it was asked by. */
  order: string;
  state: "healthy" | "in_flight" | "broken";
  node: FailureNode | null;
  chain?: Chain;
  stepNumber?: number;
  missing?: string;
  stuckSince?: string;
};

export type WatchedAuditResult = { verdict: AuditVerdict; evidence: WatchedAuditEvidence[]; unknown: string[] };

/** Seed 000's three-order audit over watched orders, each judged now from every line it has, by any of its ids. */
export async function auditWatchedOrders(db: Db, ids: string[], now = new Date()): Promise<WatchedAuditResult> {
  const asked = [...new Set(ids)].slice(0, 100);
  const named = await canonicalOf(db, asked);
  const orders = [...new Set(asked.map((id) => named.get(id)!))];
  const { judged } = await judgeOrdersNow(db, orders, now);
  const evidence = judged.map(({ order, judgement: { state, verdict } }): WatchedAuditEvidence =>
    verdict
      ? { order, state, node: verdict.node, chain: verdict.chain, stepNumber: verdict.stepNumber, missing: verdict.missing, stuckSince: verdict.stuckSince?.toISOString() }
      : { order, state, node: null },
  );
  const found = new Set(evidence.map((item) => item.order));
  return { verdict: auditVerdict(evidence), evidence, unknown: asked.filter((id) => !found.has(named.get(id)!)) };
}

/** The audit of the `count` watched orders that broke most recently. */
export async function auditLatestWatchedFailures(db: Db, count: number, now = new Date()): Promise<WatchedAuditResult> {
  const latest = await db.watchedOrder.findMany({ where: { state: "broken" }, orderBy: [{ stuckSince: "desc" }, { orderRef: "asc" }], take: count, select: { orderRef: true } });
  return auditWatchedOrders(db, latest.map((order) => order.orderRef), now);
}
