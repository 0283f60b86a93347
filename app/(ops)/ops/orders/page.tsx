import { storableText } from "@/lib/platform/http/unsafe-text";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DataTable } from "@/components/ops/data-table";
import { OrderSearchForm } from "@/components/ops/order-search-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { findOrders } from "@/lib/monitor/cascade/find-orders";
import { getDb } from "@/lib/platform/db/prisma";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Find an order" };

export default async function OrderSearchPage({ searchParams }: PageProps<"/ops/orders">) {
  await requireStaffPage(OPS_ROLES, returnPathOf("/ops/orders", await searchParams));
  const { q } = await searchParams;
  // Text no order could hold (a NUL) is searched as the replacement character: no match, not a failed query.
  const query = typeof q === "string" ? storableText(q.slice(0, 200)) : "";
  const orders = await findOrders(getDb(), query);
  if (orders.length === 1) redirect(`/ops/orders/${orders[0]!.number}`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Find an order</h1>
      <OrderSearchForm defaultValue={query} />
      {query ? (
        <DataTable
          caption={`Orders matching ${query}`}
          headers={["Order", "Store", "Status", "Customer", "Email"]}
          empty={`No order matches "${query}". Try an order number (H-100012), the customer's email or phone.`}
          rows={orders.map((order) => [
            <Link key="o" href={`/ops/orders/${order.number}`} className="font-semibold text-brand-700 underline">
              H-{order.number}
            </Link>,
            order.store.code,
            order.status.toLowerCase().replace("_", " "),
            order.customerName,
            order.customerEmail,
          ])}
        />
      ) : null}
    </div>
  );
}
