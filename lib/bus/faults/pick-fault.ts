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

export type Crossing = { source: SystemName; target: SystemName; type: string; storeCode: string | null };

/** Whether a rule covers a crossing (before its probability is rolled). */
export function faultCovers(rule: FaultRuleLike, crossing: Crossing): boolean {
  return (
    rule.source === crossing.source &&
    rule.target === crossing.target &&
    (!rule.eventType || rule.eventType === crossing.type) &&
    (!rule.storeCode || rule.storeCode === crossing.storeCode)
  );
}

/** The store an event belongs to, as fault rules scope it. */
export function storeCodeOf(payload: unknown): string | null {
  const storeCode = (payload as { storeCode?: unknown } | null)?.storeCode;
  return typeof storeCode === "string" ? storeCode : null;
}

/** The injected fault (if any) for one crossing: the first enabled rule on the boundary that fires. */
export function pickFault<T extends FaultRuleLike>(rules: T[], crossing: Crossing, random: () => number = Math.random): T | null {
  for (const rule of rules) if (faultCovers(rule, crossing) && random() < rule.probability) return rule;
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
