import type { Tx } from "@/lib/platform/db/prisma";

/**
 * Ends every still-held reservation of an order, once: RELEASED puts the units back to
 * available (cancel, no-show); CONSUMED takes them out of on-hand as well (pickup).
 * A reservation already released or consumed is left alone, so a second call changes
 * nothing. Returns how many reservations it closed.
 */
export async function closeReservations(tx: Tx, orderId: string, at: Date, outcome: "RELEASED" | "CONSUMED"): Promise<number> {
  const leavesTheStore = outcome === "CONSUMED" ? 1 : 0;
  // One statement: the reservations close and the ledger rows they held move with them.
  const [row] = await tx.$queryRaw<{ closed: number }[]>`
    WITH closed AS (
      UPDATE "Reservation" r
         SET "status" = ${outcome}::"ReservationStatus",
             "releasedAt" = CASE WHEN ${outcome} = 'RELEASED' THEN ${at} ELSE r."releasedAt" END,
             "consumedAt" = CASE WHEN ${outcome} = 'CONSUMED' THEN ${at} ELSE r."consumedAt" END
        FROM "OrderLine" l
       WHERE r."orderLineId" = l."id" AND l."orderId" = ${orderId}::uuid AND r."status" = 'HELD'
      RETURNING r."storeId", r."productId", r."quantity"),
    held AS (SELECT "storeId", "productId", sum("quantity")::int AS "quantity" FROM closed GROUP BY "storeId", "productId"),
    -- Runs whether or not it is read, as every data-modifying WITH does.
    moved AS (
      UPDATE "InventoryLevel" i
         SET "allocated" = GREATEST(0, i."allocated" - held."quantity"),
             "onHand" = GREATEST(0, i."onHand" - held."quantity" * ${leavesTheStore}::int),
             "updatedAt" = now()
        FROM held
       WHERE i."storeId" = held."storeId" AND i."productId" = held."productId")
    SELECT count(*)::int AS "closed" FROM closed`;
  return row?.closed ?? 0;
}
