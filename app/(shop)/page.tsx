import Image from "next/image";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { listProducts } from "@/lib/catalog/list-products";
import { getDb } from "@/lib/db/prisma";
import { formatCents } from "@/lib/money";

export const dynamic = "force-dynamic";

export default async function ProductListPage() {
  const products = await listProducts(getDb());
  const categories = [...new Set(products.map((product) => product.category))];
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-brand-900 px-6 py-8 text-white">
        <h1 className="text-3xl font-bold">Order online, pick up today</h1>
        <p className="mt-2 max-w-2xl text-brand-100">
          Add what you need, then choose a nearby store that has every item. We show an honest ready-by time and hold
          your order at the counter or bring it to your car.
        </p>
      </section>
      {categories.map((category) => (
        <section key={category} aria-labelledby={`category-${category}`}>
          <h2 id={`category-${category}`} className="mb-4 text-xl font-semibold">
            {category}
          </h2>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {products
              .filter((product) => product.category === category)
              .map((product) => (
                <li key={product.id}>
                  <article aria-label={product.name} className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                    <Image src={product.imageUrl} alt="" width={320} height={200} className="h-36 w-full rounded-lg object-cover" />
                    <h3 className="mt-3 font-semibold">{product.name}</h3>
                    <p className="mt-1 flex-1 text-sm text-slate-600">{product.description}</p>
                    <p className="mt-2 font-semibold">{formatCents(product.priceCents)}</p>
                    <div className="mt-3">
                      <AddToCartButton productId={product.id} productName={product.name} />
                    </div>
                  </article>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
