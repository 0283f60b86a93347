import type { Tx } from "@/lib/platform/db/prisma";

/**
 * Ends every still-held reservation of an order, once: RELEASED puts the units back to
 * available (cancel, no-show); CONSUMED takes them out of on-hand as well (pickup).
 * A reservation already released or consumed is left alone, so a second call changes
 * nothing. Returns how many reservations it closed.
 */
export async function closeReservations(tx: Tx, orderId: string, at: Date, outcome: "RELEASED" | "CONSUMED"): Promise<number> {
  const closed = await tx.$queryRaw<{ storeId: string; productId: string; quantity: number }[]>`
    UPDATE "Reservation" r
       SET "status" = ${outcome}::"ReservationStatus",
           "releasedAt" = CASE WHEN ${outcome} = 'RELEASED' THEN ${at} ELSE r."releasedAt" END,
           "consumedAt" = CASE WHEN ${outcome} = 'CONSUMED' THEN ${at} ELSE r."consumedAt" END
      FROM "OrderLine" l
     WHERE r."orderLineId" = l."id" AND l."orderId" = ${orderId}::uuid AND r."status" = 'HELD'
    RETURNING r."storeId", r."productId", r."quantity"`;
  const leavesTheStore = outcome === "CONSUMED" ? 1 : 0;
  for (const row of closed) {
    await tx.$executeRaw`
      UPDATE "InventoryLevel"
         SET "allocated" = GREATEST(0, "allocated" - ${row.quantity}),
             "onHand" = GREATEST(0, "onHand" - ${row.quantity * leavesTheStore}),
             "updatedAt" = now()
       WHERE "storeId" = ${row.storeId}::uuid AND "productId" = ${row.productId}::uuid`;
  }
  return closed.length;
}
