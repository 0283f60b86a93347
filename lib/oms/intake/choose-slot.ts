import type { SlotOffer } from "@/lib/oms/slots/slots";

export type ChosenSlot = { slot: SlotOffer; note: string | null };

/**
 * The pickup window for a channel order: the first open window overlapping the one the
 * channel asked for; failing that, the first open one after it starts, or the earliest
 * (noted, so the dashboard and the customer's messages can say the window moved).
 */
export function chooseSlot(slots: SlotOffer[], wanted: { startsAt: Date; endsAt: Date } | null): ChosenSlot | null {
  const open = slots.filter((slot) => slot.remaining > 0);
  if (open.length === 0) return null;
  if (!wanted) return { slot: open[0]!, note: null };
  const overlapping = open.find((slot) => slot.startsAt < wanted.endsAt && slot.endsAt > wanted.startsAt);
  if (overlapping) return { slot: overlapping, note: null };
  const later = open.find((slot) => slot.startsAt >= wanted.startsAt) ?? open[0]!;
  return { slot: later, note: `No open pickup window overlaps the one asked for (${wanted.startsAt.toISOString()} – ${wanted.endsAt.toISOString()}); booked ${later.startsAt.toISOString()}.` };
}
