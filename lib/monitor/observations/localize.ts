import { CHAIN_ORDER } from "@/lib/bus/chain-catalogue";
import { stepsOf } from "@/lib/bus/chain-steps";
import type { FailureNode } from "@/lib/monitor/cascade/failure-nodes";
import { localize } from "@/lib/monitor/cascade/localize";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";

export type SeenEvent = { system: SystemName; eventType: string; direction: string };
export type LogVerdict = { node: FailureNode; chain: Chain; stepNumber: number; missing: string } | null;

/**
 * The failure node from five systems' logs for one order, with the same chains and the
 * same localizer the bus uses: a chain is under way once its first event was seen
 * anywhere; each step is met when its receiving system logged its event.
 */
export function localizeFromLogs(seen: SeenEvent[]): LogVerdict {
  const saw = (system: SystemName, eventType: string) => seen.some((event) => event.system === system && event.eventType === eventType && event.direction === "received");
  const sent = (system: SystemName, eventType: string) => seen.some((event) => event.system === system && event.eventType === eventType && event.direction === "sent");
  const judged = CHAIN_ORDER.flatMap((chain) => {
    const steps = stepsOf(chain);
    if (!seen.some((event) => event.eventType === steps[0]!.event)) return [];
    return steps.map((step) => ({
      chain,
      stepNumber: step.stepNumber,
      // A step another system may start (a POS cancel) is that origin's boundary when the origin logged it.
      sourceSystem: step.origin && saw(step.origin.system, step.event) ? step.origin.system : step.source,
      targetSystem: step.target,
      description: step.description,
      // A system's own step (it recorded what it did) is met by any line of its own, an outbound record included.
      broken: !(saw(step.target, step.event) || (step.source === step.target && sent(step.source, step.event))),
      // Seed 000: no outbound record at the source means the event never left it (node 1).
      leftTheSource: sent(step.source, step.event),
      spec: step,
    }));
  });
  const located = localize(judged);
  if (!located) return null;
  const { spec, leftTheSource, chain, stepNumber } = located.step;
  return { node: located.node, chain, stepNumber, missing: missingLine(spec.source, spec.target, spec.event, leftTheSource, saw(spec.source, spec.event)) };
}

/** What the logs lack, in words: which side is silent, and whether the source says it sent. */
function missingLine(source: SystemName, target: SystemName, eventType: string, sent: boolean, sourceLogged: boolean): string {
  if (source === target) return `${target} never logged ${eventType}`;
  if (sent) return `${source} sent ${eventType}; ${target} never logged receiving it`;
  if (sourceLogged) return `${source} has no record of sending ${eventType}; ${target} never logged it`;
  return `${target} never logged ${eventType}`;
}
