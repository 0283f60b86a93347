import type { Db } from "@/lib/platform/db/prisma";
import type { FailureNode } from "./failure-nodes";
import { locateFailures } from "./locate-failure";
import { findStuckOrders } from "./stuck-orders";

/** Seed 000: "Repeat for three orders before drawing a conclusion." */
export const MIN_AUDIT_ORDERS = 3;

export type AuditEvidence = {
  orderNumber: number;
  node: FailureNode | null;
  chain?: string;
  stepNumber?: number;
  reason?: string;
  lastError?: string | null;
  stuckSince?: string;
};

export type AuditVerdict =
  | { kind: "structural"; node: FailureNode; summary: string }
  | { kind: "edge_case"; nodes: { node: FailureNode; orders: number }[]; summary: string }
  | { kind: "insufficient"; summary: string };

export type AuditResult = { verdict: AuditVerdict; evidence: AuditEvidence[]; unknown: number[] };

/** The verdict from the failure nodes of the failing orders among the evidence (run or watched alike). */
export function auditVerdict(evidence: { node: FailureNode | null }[]): AuditVerdict {
  const failing = evidence.filter((item): item is { node: FailureNode } => item.node !== null);
  if (failing.length < MIN_AUDIT_ORDERS) {
    const found = failing.length === 0 ? "None of these orders is failing" : `Only ${failing.length} of these orders ${failing.length === 1 ? "is" : "are"} failing`;
    return { kind: "insufficient", summary: `${found}; audit at least ${MIN_AUDIT_ORDERS} failing orders before drawing a conclusion.` };
  }
  const byNode = new Map<string, { node: FailureNode; orders: number }>();
  for (const item of failing) {
    const entry = byNode.get(item.node.id) ?? { node: item.node, orders: 0 };
    entry.orders++;
    byNode.set(item.node.id, entry);
  }
  if (byNode.size === 1) {
    const { node } = [...byNode.values()][0]!;
    return {
      kind: "structural",
      node,
      summary: `All ${failing.length} orders break at the same node: a structural integration gap at that boundary. Fix lane: ${node.fixLane} (${node.parties.join(" and ")}).`,
    };
  }
  const nodes = [...byNode.values()].sort((a, b) => b.orders - a.orders);
  return { kind: "edge_case", nodes, summary: `The ${failing.length} orders break at ${nodes.length} different nodes: an event-handling edge case rather than one broken boundary.` };
}

/** Audits the named orders: each one's failure node as evidence, then the verdict. */
export async function auditOrders(db: Db, orderNumbers: number[], now = new Date()): Promise<AuditResult> {
  const unique = [...new Set(orderNumbers)].slice(0, 100);
  const orders = await db.order.findMany({ where: { number: { in: unique } }, select: { id: true, number: true } });
  const failures = await locateFailures(db, orders.map((order) => order.id), now);
  const evidence = orders
    .sort((a, b) => unique.indexOf(a.number) - unique.indexOf(b.number))
    .map((order): AuditEvidence => {
      const failure = failures.get(order.id);
      if (!failure) return { orderNumber: order.number, node: null };
      return {
        orderNumber: order.number,
        node: failure.node,
        chain: failure.step.chain,
        stepNumber: failure.step.stepNumber,
        reason: failure.reason,
        lastError: failure.step.lastError,
        stuckSince: failure.stuckSince.toISOString(),
      };
    });
  const found = new Set(orders.map((order) => order.number));
  return { verdict: auditVerdict(evidence), evidence, unknown: unique.filter((number) => !found.has(number)) };
}

/** Audits the most recent `count` failing orders. */
export async function auditLatestFailures(db: Db, count: number, now = new Date()): Promise<AuditResult> {
  const latest = (await findStuckOrders(db, now, Math.max(count * 2, 50), true)).slice(0, count);
  return auditOrders(db, latest.map((order) => order.orderNumber), now);
}
