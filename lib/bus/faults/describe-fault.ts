import type { FaultRuleLike } from "./pick-fault";

const KIND_WORDS: Record<FaultRuleLike["kind"], string> = {
  DROP: "Drop",
  CORRUPT: "Corrupt payload",
  WRONG_TYPE: "Wrong event type",
  HTTP_500: "Receiver answers 500",
  DELAY: "Delay",
  PAUSE: "Pause",
};

/** "Drop on OMS → STOREFRONT (order.canceled, store AUS-RR)" */
export function describeFault(rule: FaultRuleLike): string {
  const scope = [rule.eventType, rule.storeCode ? `store ${rule.storeCode}` : null, rule.probability < 1 ? `${Math.round(rule.probability * 100)}% of the time` : null].filter(Boolean);
  return `${KIND_WORDS[rule.kind]} on ${rule.source} → ${rule.target}${scope.length ? ` (${scope.join(", ")})` : ""}`;
}
