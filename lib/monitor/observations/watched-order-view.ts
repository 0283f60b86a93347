import type { Db } from "@/lib/platform/db/prisma";
import { judgeOrdersNow } from "./judge-watched-orders";
import type { WatchedStep } from "./localize";
import { canonicalOf } from "./order-aliases";

const stepJson = (step: WatchedStep) => ({
  chain: step.chain,
  step: step.step,
  stepNumber: step.stepNumber,
  source: step.source,
  target: step.target,
  event: step.event,
  description: step.description,
  state: step.state,
  expectedBy: step.expectedBy.toISOString(),
  arrivedAt: step.arrivedAt?.toISOString() ?? null,
  lateBySeconds: step.lateBySeconds,
  latencyMs: step.latencyMs,
  recordedAs: step.recordedAs,
  blockedBy: step.blockedBy,
});

/** A watched order as the API and the dashboard show it, judged as of `now` from every line it has. */
export async function watchedOrderView(db: Db, anyId: string, now = new Date()) {
  const order = (await canonicalOf(db, [anyId])).get(anyId)!;
  const { judged, ids } = await judgeOrdersNow(db, [order], now);
  if (!judged[0]) return null;
  const { judgement } = judged[0];
  return {
    order,
    aliases: ids.get(order)?.aliases ?? [],
    state: judgement.state,
    ...(judgement.verdict ? { node: judgement.verdict.node, missing: judgement.verdict.missing } : {}),
    late: judgement.late.map(stepJson),
    steps: judgement.steps.map(stepJson),
    judgedAt: now.toISOString(),
  };
}
