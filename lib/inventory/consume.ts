import type { Tx } from "@/lib/db/prisma";

/**
 * At pickup the held units leave the store: each held reservation becomes CONSUMED and
 * its units leave both on-hand and allocated, once (a second call finds nothing held).
 */
export async function consumeOrderReservations(tx: Tx, orderId: string, at: Date): Promise<number> {
  const consumed = await tx.$queryRaw<{ storeId: string; productId: string; quantity: number }[]>`
    UPDATE "Reservation" r
       SET "status" = 'CONSUMED', "consumedAt" = ${at}
      FROM "OrderLine" l
     WHERE r."orderLineId" = l."id" AND l."orderId" = ${orderId}::uuid AND r."status" = 'HELD'
    RETURNING r."storeId", r."productId", r."quantity"`;
  for (const row of consumed) {
    await tx.$executeRaw`
      UPDATE "InventoryLevel"
         SET "onHand" = GREATEST(0, "onHand" - ${row.quantity}), "allocated" = GREATEST(0, "allocated" - ${row.quantity}), "updatedAt" = now()
       WHERE "storeId" = ${row.storeId}::uuid AND "productId" = ${row.productId}::uuid`;
  }
  return consumed.length;
}
