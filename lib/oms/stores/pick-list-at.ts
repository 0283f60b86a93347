import type { Tx } from "@/lib/platform/db/prisma";

type Line = { productId: string; sku: string; name: string; quantity: number; unitPriceCents: number };

/** An order's lines as a store's pick list carries them: the photo, the barcode and where that store shelves each. */
export async function pickListAt(tx: Tx, storeId: string, lines: Line[]) {
  const shelves = await tx.$queryRaw<{ productId: string; imageUrl: string; barcode: string; location: string | null }[]>`
    SELECT p."id" AS "productId", p."imageUrl", p."barcode", i."location"
      FROM "Product" p LEFT JOIN "InventoryLevel" i ON i."productId" = p."id" AND i."storeId" = ${storeId}::uuid
     WHERE p."id" = ANY(${lines.map((line) => line.productId)}::uuid[])`;
  const shelfOf = new Map(shelves.map((shelf) => [shelf.productId, shelf]));
  return lines.map((line) => {
    const shelf = shelfOf.get(line.productId);
    return { sku: line.sku, name: line.name, quantity: line.quantity, unitPriceCents: line.unitPriceCents, imageUrl: shelf?.imageUrl, barcode: shelf?.barcode ?? null, location: shelf?.location ?? null };
  });
}
