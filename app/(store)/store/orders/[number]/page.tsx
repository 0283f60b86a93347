import type { Metadata } from "next";
import Link from "next/link";
import { StoreOrderView } from "@/components/store/store-order-view";
import { requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { parseOrderNumber } from "@/lib/platform/format/order-number";
import { managesStores, STORE_ROLES, taskInScope } from "@/lib/pos/store-queue/scope";
import { toTaskView } from "@/lib/pos/store-queue/task-view";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Store order" };

async function loadTask(staff: Awaited<ReturnType<typeof requireStaffPage>>, number: number | null) {
  if (number === null) return null;
  try {
    const db = getDb();
    const task = await taskInScope(db, staff, number);
    const store = await db.store.findUniqueOrThrow({ where: { code: task.storeCode }, select: { name: true, timeZone: true } });
    return toTaskView(task, store);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return null;
    throw error;
  }
}

export default async function StoreOrderPage({ params, searchParams }: PageProps<"/store/orders/[number]">) {
  const { number } = await params;
  const { handover } = await searchParams;
  const staff = await requireStaffPage([...STORE_ROLES], returnPathOf(`/store/orders/${number}`, await searchParams));
  const task = await loadTask(staff, parseOrderNumber(number));
  if (!task) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Order not found</h1>
        <p>There is no order {number} in your store&apos;s queue.</p>
        <Link href="/store" className="inline-flex min-h-11 items-center font-semibold text-emerald-800 underline">
          Back to the queue
        </Link>
      </div>
    );
  }
  return <StoreOrderView initialTask={task} canUnlock={managesStores(staff)} openHandover={handover === "1"} />;
}
