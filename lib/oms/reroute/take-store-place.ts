import type { Tx } from "@/lib/platform/db/prisma";
import { allocateStockWrites } from "@/lib/oms/inventory/reserve";
import type { SlotWindow } from "@/lib/oms/slots/slots";

type Units = { productId: string; quantity: number };

/**
 * Takes every line's units at a store with conditional updates, all or none: false (and nothing
 * taken) when one was no longer there. The caller has locked the levels.
 */
export async function takeStock(tx: Tx, storeId: string, lines: Units[]): Promise<boolean> {
  const [taken] = await tx.$queryRaw<{ allocated: string[] }[]>`WITH ${allocateStockWrites(storeId, lines)} SELECT ARRAY(SELECT "productId"::text FROM allocated) AS "allocated"`;
  if (taken!.allocated.length === lines.length) return true;
  await giveBackStock(tx, storeId, lines.filter((line) => taken!.allocated.includes(line.productId)));
  return false;
}

/** A place in the store's pickup window (its row created on first use), only while it has one: the window's id, or null. */
export async function takeWindowPlace(tx: Tx, store: { id: string; slotCapacity: number }, slot: SlotWindow): Promise<string | null> {
  await tx.$executeRaw`
    INSERT INTO "PickupSlot" ("id", "storeId", "startsAt", "endsAt", "capacity", "booked")
    VALUES (gen_random_uuid(), ${store.id}::uuid, ${slot.startsAt}::timestamp, ${slot.endsAt}::timestamp, ${store.slotCapacity}, 0)
    ON CONFLICT ("storeId", "startsAt") DO NOTHING`;
  const [window] = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "PickupSlot" SET "booked" = "booked" + 1 WHERE "storeId" = ${store.id}::uuid AND "startsAt" = ${slot.startsAt}::timestamp AND "booked" < "capacity" RETURNING "id"`;
  return window?.id ?? null;
}

/** Undoes what this transaction allocated at a store that could not take the order after all. */
export async function giveBackStock(tx: Tx, storeId: string, lines: Units[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.$executeRaw`
    UPDATE "InventoryLevel" i SET "allocated" = i."allocated" - l."quantity", "updatedAt" = now()
      FROM unnest(${lines.map((line) => line.productId)}::uuid[], ${lines.map((line) => line.quantity)}::int[]) AS l("productId", "quantity")
     WHERE i."storeId" = ${storeId}::uuid AND i."productId" = l."productId"`;
}
