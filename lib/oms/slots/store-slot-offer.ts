import type { Db, Tx } from "@/lib/platform/db/prisma";
import { queuedOrdersByStore, scheduleOf, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { computeReadyBy } from "./ready-by";
import { candidateSlots, offerSlots, type SlotOffer, type SlotWindow } from "./slots";

export type StoreSlotOffer = { readyBy: Date | null; slots: SlotOffer[] };

type Bookings = { booked: number; capacity: number };

/** Ready-by for a new order at this store, with `queued` orders ahead of it, and the windows from then (up to `through`). */
function windowsAfterQueue(store: StoreWithHours, now: Date, queued: number, through?: Date): { readyBy: Date | null; candidates: SlotWindow[] } {
  const schedule = scheduleOf(store);
  const readyBy = computeReadyBy({ schedule, now, prepMinutes: store.prepMinutes, pickers: store.pickers, queuedOrders: queued });
  if (!readyBy) return { readyBy: null, candidates: [] };
  return { readyBy, candidates: candidateSlots({ schedule, readyBy, slotMinutes: store.slotMinutes, holdHours: store.holdHours, through }) };
}

/**
 * Ready-by for a new order at this store now, and the pickup windows still open for booking
 * (only those up to `through`, when given: a checkout checking its chosen window).
 */
export async function storeSlotOffer(db: Db | Tx, store: StoreWithHours, now: Date, options: { through?: Date } = {}): Promise<StoreSlotOffer> {
  const queued = (await queuedOrdersByStore(db, [store.id])).get(store.id) ?? 0;
  const { readyBy, candidates } = windowsAfterQueue(store, now, queued, options.through);
  if (!readyBy || candidates.length === 0) return { readyBy, slots: [] };
  const booked = await db.pickupSlot.findMany({
    where: { storeId: store.id, startsAt: { gte: candidates[0]!.startsAt, lte: candidates.at(-1)!.startsAt } },
    select: { startsAt: true, booked: true, capacity: true },
  });
  const bookedByStart = new Map(booked.map((row) => [row.startsAt.getTime(), row]));
  return { readyBy, slots: offerSlots(candidates, store.slotCapacity, bookedByStart) };
}

/**
 * A checkout's chosen window, if the store still offers it: ready-by with `queued` orders ahead,
 * the window among those from then, and not full by `bookings` (its row, when it has one).
 */
export function chosenWindowOffer(store: StoreWithHours, now: Date, queued: number, startsAt: Date, bookings: Bookings | null): { readyBy: Date; slot: SlotWindow } | null {
  const { readyBy, candidates } = windowsAfterQueue(store, now, queued, startsAt);
  const slot = candidates.find((candidate) => candidate.startsAt.getTime() === startsAt.getTime());
  if (!readyBy || !slot) return null;
  const [offered] = offerSlots([slot], store.slotCapacity, new Map(bookings ? [[startsAt.getTime(), bookings]] : []));
  return offered ? { readyBy, slot } : null;
}
