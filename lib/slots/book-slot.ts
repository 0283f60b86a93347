import type { Tx } from "@/lib/db/prisma";

/**
 * Books one place in a pickup window in a single statement: the window's row is
 * created on first booking, and otherwise incremented only while below capacity.
 * Returns the slot id, or null when the window is full.
 */
export async function bookSlot(
  tx: Tx,
  input: { storeId: string; startsAt: Date; endsAt: Date; capacity: number },
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "PickupSlot" ("id", "storeId", "startsAt", "endsAt", "capacity", "booked")
    VALUES (gen_random_uuid(), ${input.storeId}::uuid, ${input.startsAt}, ${input.endsAt}, ${input.capacity}, 1)
    ON CONFLICT ("storeId", "startsAt") DO UPDATE
       SET "booked" = "PickupSlot"."booked" + 1
     WHERE "PickupSlot"."booked" < "PickupSlot"."capacity"
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** Gives a booked place back (cancellation); never below zero. */
export async function releaseSlot(tx: Tx, slotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" - 1 WHERE "id" = ${slotId}::uuid AND "booked" > 0`;
}
