import { EVENT, type EventName } from "@/lib/bus/event-names";

/**
 * What the OMS records when it applies another system's word as meant. An OMS line for
 * that word with any other status ("status_update", "note") took it in as the wrong type:
 * seed 000's node 2, "received something but processed it incorrectly".
 */
export const APPLIED_STATUSES: Partial<Record<EventName, readonly string[]>> = {
  [EVENT.pickupCompleted]: ["picked_up", "pickup_complete", "pickup_completed", "fulfilled", "completed", "closed"],
  [EVENT.orderReady]: ["ready", "ready_for_pickup", "staged"],
  [EVENT.orderCanceled]: ["canceled", "cancelled", "voided"],
};

const normalized = (status: string) => status.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Whether a status the receiver recorded shows it applied `event` as meant (no status: nothing says otherwise). */
export function appliedAsMeant(event: EventName, status: string | null | undefined): boolean {
  const applied = APPLIED_STATUSES[event];
  return !status || !applied || applied.includes(normalized(status));
}
