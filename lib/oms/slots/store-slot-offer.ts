import type { Db, Tx } from "@/lib/platform/db/prisma";
import { queuedOrdersByStore, scheduleOf, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { computeReadyBy } from "./ready-by";
import { candidateSlots, offerSlots, type SlotOffer } from "./slots";

export type StoreSlotOffer = { readyBy: Date | null; slots: SlotOffer[] };

/**
 * Ready-by for a new order at this store now, and the pickup windows still open for booking
 * (only those up to `through`, when given: a checkout checking its chosen window).
 */
export async function storeSlotOffer(db: Db | Tx, store: StoreWithHours, now: Date, options: { through?: Date } = {}): Promise<StoreSlotOffer> {
  const queued = (await queuedOrdersByStore(db, [store.id])).get(store.id) ?? 0;
  const schedule = scheduleOf(store);
  const readyBy = computeReadyBy({ schedule, now, prepMinutes: store.prepMinutes, pickers: store.pickers, queuedOrders: queued });
  if (!readyBy) return { readyBy: null, slots: [] };
  const candidates = candidateSlots({ schedule, readyBy, slotMinutes: store.slotMinutes, holdHours: store.holdHours, through: options.through });
  if (candidates.length === 0) return { readyBy, slots: [] };
  const booked = await db.pickupSlot.findMany({
    where: { storeId: store.id, startsAt: { gte: candidates[0]!.startsAt, lte: candidates.at(-1)!.startsAt } },
    select: { startsAt: true, booked: true, capacity: true },
  });
  const bookedByStart = new Map(booked.map((row) => [row.startsAt.getTime(), row]));
  return { readyBy, slots: offerSlots(candidates, store.slotCapacity, bookedByStart) };
}
