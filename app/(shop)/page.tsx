import { ProductCatalog } from "@/components/catalog/product-catalog";
import { listProducts } from "@/lib/oms/catalog/list-products";
import { getDb } from "@/lib/platform/db/prisma";

export const dynamic = "force-dynamic";

export default async function ProductListPage() {
  const products = await listProducts(getDb());
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-brand-900 px-6 py-8 text-white">
        <h1 className="text-3xl font-bold">Order online, pick up today</h1>
        <p className="mt-2 max-w-2xl text-brand-100">
          Add what you need, then choose a nearby store that has every item. We show an honest ready-by time and hold
          your order at the counter or bring it to your car.
        </p>
      </section>
      <ProductCatalog products={products} />
    </div>
  );
}
