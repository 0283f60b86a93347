import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { listProducts } from "@/lib/oms/catalog/list-products";
import { getDb } from "@/lib/platform/db/prisma";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const products = await listProducts(getDb());
  // One id per rendered form: resubmitting it (a double click, a retry) finds the same order.
  return <CheckoutForm products={products} checkoutId={randomUUID()} />;
}
