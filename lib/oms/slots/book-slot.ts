import type { Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlClient } from "@/lib/platform/db/sql";

type SlotWindow = { storeId: string; startsAt: Date; endsAt: Date; capacity: number };

/**
 * The row of a pickup window, created on first use (an empty window: nothing to undo if the
 * checkout then fails). ON CONFLICT DO NOTHING takes no lock on an existing row, so other
 * checkouts for the same window do not wait.
 */
export async function ensureSlotRow(sql: SqlClient, slot: SlotWindow): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(Prisma.sql`
    WITH inserted AS (
      INSERT INTO "PickupSlot" ("id", "storeId", "startsAt", "endsAt", "capacity", "booked")
      VALUES (gen_random_uuid(), ${slot.storeId}::uuid, ${slot.startsAt}::timestamp, ${slot.endsAt}::timestamp, ${slot.capacity}, 0)
      ON CONFLICT ("storeId", "startsAt") DO NOTHING
      RETURNING "id")
    SELECT "id" FROM inserted
    UNION ALL
    SELECT "id" FROM "PickupSlot" WHERE "storeId" = ${slot.storeId}::uuid AND "startsAt" = ${slot.startsAt}::timestamp
    LIMIT 1`);
  if (rows[0]) return rows[0].id;
  // Inserted by a checkout that committed after this statement's snapshot: visible to the next one.
  const again = await sql.query<{ id: string }>(Prisma.sql`SELECT "id" FROM "PickupSlot" WHERE "storeId" = ${slot.storeId}::uuid AND "startsAt" = ${slot.startsAt}::timestamp`);
  return again.rows[0]!.id;
}

/**
 * Takes one place in a window as a common table expression (`taken` returns the window when
 * it was taken) for the placing statement: a single conditional UPDATE that succeeds only
 * while the window is below capacity, so concurrent checkouts cannot overbook it.
 */
export function takeSlotPlaceWrite(slotId: string): Prisma.Sql {
  return Prisma.sql`taken AS (UPDATE "PickupSlot" SET "booked" = "booked" + 1 WHERE "id" = ${slotId}::uuid AND "booked" < "capacity" RETURNING "id")`;
}

/** Gives a booked place back (cancellation); never below zero. */
export async function releaseSlot(tx: Tx, slotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" - 1 WHERE "id" = ${slotId}::uuid AND "booked" > 0`;
}
