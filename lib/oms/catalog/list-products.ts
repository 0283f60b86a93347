import type { Db } from "@/lib/platform/db/prisma";

export type CatalogProduct = {
  id: string;
  sku: string;
  name: string;
  category: string;
  description: string;
  priceCents: number;
  imageUrl: string;
};

export function listProducts(db: Db): Promise<CatalogProduct[]> {
  return db.product.findMany({
    select: { id: true, sku: true, name: true, category: true, description: true, priceCents: true, imageUrl: true },
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
}
