import type { FaultKind, SystemName } from "@/lib/generated/prisma/enums";

export type FaultRuleLike = {
  source: SystemName;
  target: SystemName;
  eventType: string | null;
  storeCode: string | null;
  kind: FaultKind;
  probability: number;
  delayMs: number | null;
};

/** The injected fault (if any) for one crossing: the first enabled rule on the boundary that fires. */
export function pickFault<T extends FaultRuleLike>(
  rules: T[],
  crossing: { source: SystemName; target: SystemName; type: string; storeCode: string | null },
  random: () => number = Math.random,
): T | null {
  for (const rule of rules) {
    if (rule.source !== crossing.source || rule.target !== crossing.target) continue;
    if (rule.eventType && rule.eventType !== crossing.type) continue;
    if (rule.storeCode && rule.storeCode !== crossing.storeCode) continue;
    if (random() < rule.probability) return rule;
  }
  return null;
}

/** What the corrupting fault removes from the data (and the envelope): every contract needs the order number. */
export function corruptPayload(data: Record<string, unknown>): Record<string, unknown> {
  const { orderNumber: _dropped, ...rest } = data;
  void _dropped;
  return { ...rest, corrupted: true };
}

/** Seed 000's "written as a different type": a generic status update instead of the real event. */
export const WRONG_EVENT_TYPE = "order.status_update";
