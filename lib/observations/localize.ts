import { CHAIN_DEFINITIONS } from "@/lib/bus/chains";
import { failureNodeOf, type FailureNode } from "@/lib/cascade/failure-nodes";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";

export type SeenEvent = { system: SystemName; eventType: string; direction: string };
export type LogVerdict = { node: FailureNode; chain: Chain; stepNumber: number; missing: string } | null;

const CHAIN_ORDER: Chain[] = ["PLACEMENT", "READY", "PICKUP", "CANCELLATION", "NO_SHOW"];

/**
 * The failure node from five systems' logs for one order, with the same chains the bus
 * uses: a chain is under way once its first event was seen anywhere; each later step is
 * met when its receiving system logged its event; the first unmet step is the node.
 */
export function localizeFromLogs(seen: SeenEvent[]): LogVerdict {
  const saw = (system: SystemName, eventType: string) => seen.some((event) => event.system === system && event.eventType === eventType && event.direction === "received");
  const sent = (system: SystemName, eventType: string) => seen.some((event) => event.system === system && event.eventType === eventType && event.direction === "sent");
  for (const chain of CHAIN_ORDER) {
    const steps = CHAIN_DEFINITIONS[chain];
    const first = steps[0]!;
    if (!seen.some((event) => event.eventType === first.eventType)) continue;
    for (const step of steps) {
      // A system's own step (it recorded what it did) is met by any line of its own, an outbound record included.
      if (saw(step.target, step.eventType) || (step.source === step.target && sent(step.source, step.eventType))) continue;
      // A cancellation the POS logged but the OMS never did is the POS write-back (seed 001 node 3).
      const sourceSystem = chain === "CANCELLATION" && step.stepNumber === 1 && saw("POS", "order.canceled") ? "POS" : step.source;
      const leftTheSource = sent(step.source, step.eventType);
      return {
        // Seed 000: no outbound record at the source means the event never left it (node 1).
        node: failureNodeOf({ chain, stepNumber: step.stepNumber, sourceSystem, targetSystem: step.target, description: step.description }, { leftTheSource }),
        chain,
        stepNumber: step.stepNumber,
        missing: missingLine(step.source, step.target, step.eventType, leftTheSource, saw(step.source, step.eventType)),
      };
    }
  }
  return null;
}

/** What the logs lack, in words: which side is silent, and whether the source says it sent. */
function missingLine(source: SystemName, target: SystemName, eventType: string, sent: boolean, sourceLogged: boolean): string {
  if (source === target) return `${target} never logged ${eventType}`;
  if (sent) return `${source} sent ${eventType}; ${target} never logged receiving it`;
  if (sourceLogged) return `${source} has no record of sending ${eventType}; ${target} never logged it`;
  return `${target} never logged ${eventType}`;
}
