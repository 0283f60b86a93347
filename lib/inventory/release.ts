import type { Tx } from "@/lib/db/prisma";

/**
 * Releases every still-held reservation of an order: the reservation flips from
 * HELD to RELEASED and its units go back to available, once. A reservation that is
 * already released or consumed is left alone, so releasing twice changes nothing.
 */
export async function releaseOrderReservations(tx: Tx, orderId: string, at: Date): Promise<number> {
  const released = await tx.$queryRaw<{ storeId: string; productId: string; quantity: number }[]>`
    UPDATE "Reservation" r
       SET "status" = 'RELEASED', "releasedAt" = ${at}
      FROM "OrderLine" l
     WHERE r."orderLineId" = l."id" AND l."orderId" = ${orderId}::uuid AND r."status" = 'HELD'
    RETURNING r."storeId", r."productId", r."quantity"`;
  for (const row of released) {
    await tx.$executeRaw`
      UPDATE "InventoryLevel"
         SET "allocated" = GREATEST(0, "allocated" - ${row.quantity}), "updatedAt" = now()
       WHERE "storeId" = ${row.storeId}::uuid AND "productId" = ${row.productId}::uuid`;
  }
  return released.length;
}
