import type { Tx } from "@/lib/platform/db/prisma";

type SlotWindow = { storeId: string; startsAt: Date; endsAt: Date; capacity: number };

/**
 * The row of a pickup window, created on first use. ON CONFLICT DO NOTHING takes no
 * lock on an existing row, so this can run early in a checkout without making other
 * checkouts for the same window wait.
 */
export async function ensureSlotRow(tx: Tx, slot: SlotWindow): Promise<string> {
  const found = await tx.$queryRaw<{ id: string }[]>`
    WITH inserted AS (
      INSERT INTO "PickupSlot" ("id", "storeId", "startsAt", "endsAt", "capacity", "booked")
      VALUES (gen_random_uuid(), ${slot.storeId}::uuid, ${slot.startsAt}, ${slot.endsAt}, ${slot.capacity}, 0)
      ON CONFLICT ("storeId", "startsAt") DO NOTHING
      RETURNING "id")
    SELECT "id" FROM inserted
    UNION ALL
    SELECT "id" FROM "PickupSlot" WHERE "storeId" = ${slot.storeId}::uuid AND "startsAt" = ${slot.startsAt}
    LIMIT 1`;
  if (found[0]) return found[0].id;
  // Inserted by a checkout that committed after this statement's snapshot: visible now.
  const existing = await tx.pickupSlot.findUniqueOrThrow({
    where: { storeId_startsAt: { storeId: slot.storeId, startsAt: slot.startsAt } },
    select: { id: true },
  });
  return existing.id;
}

/**
 * Takes one place in a window in a single conditional UPDATE: it succeeds only while
 * the window is below capacity, so concurrent checkouts cannot overbook it.
 */
export async function takeSlotPlace(tx: Tx, slotId: string): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "PickupSlot" SET "booked" = "booked" + 1 WHERE "id" = ${slotId}::uuid AND "booked" < "capacity"`;
  return updated === 1;
}

/** Gives a booked place back (cancellation); never below zero. */
export async function releaseSlot(tx: Tx, slotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" - 1 WHERE "id" = ${slotId}::uuid AND "booked" > 0`;
}
