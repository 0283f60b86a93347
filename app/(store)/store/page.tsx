import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { StoreQueueView } from "@/components/store/store-queue-view";
import { requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { loadStoreQueue } from "@/lib/pos/store-queue/queue";
import { managesStores, storesInScope, STORE_ROLES } from "@/lib/pos/store-queue/scope";
import { isPaused } from "@/lib/oms/stores/store-capacity";
import { StoreCapacityPanel } from "@/components/store/store-capacity-panel";
import { recentCapacityChanges } from "@/lib/oms/stores/recent-capacity-changes";
import { STORE_COOKIE } from "@/lib/pos/store-queue/store-cookie";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Store queue" };

export default async function StoreQueuePage({ searchParams }: PageProps<"/store">) {
  const staff = await requireStaffPage([...STORE_ROLES], returnPathOf("/store", await searchParams));
  const { store: asked } = await searchParams;
  const requested = typeof asked === "string" ? asked : (await cookies()).get(STORE_COOKIE)?.value;
  const db = getDb();
  const stores = await storesInScope(db, staff);
  if (stores.length === 0) {
    return <p className="rounded-xl border border-amber-300 bg-amber-50 p-5">You are not assigned to a store yet. Ask your manager to add you to one.</p>;
  }
  const store = stores.find((candidate) => candidate.code === requested) ?? stores[0]!;
  const [queue, capacity, recentChanges] = await Promise.all([
    loadStoreQueue(db, store),
    db.store.findUniqueOrThrow({ where: { id: store.id }, select: { pausedAt: true, pausedUntil: true, pauseReason: true, dailyOrderCap: true, concurrentOrderCap: true, startTargetMinutes: true } }),
    recentCapacityChanges(db, store.id),
  ]);
  const paused = isPaused(capacity, new Date());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold">{store.name}</h1>
        {stores.length > 1 ? (
          <nav aria-label="Stores" className="flex flex-wrap gap-2 text-base">
            {stores.map((candidate) => (
              <Link
                key={candidate.code}
                href={`/store?store=${candidate.code}`}
                aria-current={candidate.code === store.code ? "page" : undefined}
                className="flex min-h-11 items-center rounded-full border border-slate-300 px-4 aria-[current=page]:border-emerald-700 aria-[current=page]:bg-emerald-50 aria-[current=page]:font-semibold"
              >
                {candidate.name}
                <span className="ml-2 text-sm text-slate-600">{candidate.code}</span>
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <StoreCapacityPanel
        store={{
          code: store.code,
          name: store.name,
          timeZone: store.timeZone,
          paused,
          pausedUntil: paused ? (capacity.pausedUntil?.toISOString() ?? null) : null,
          pauseReason: paused ? capacity.pauseReason : null,
          dailyOrderCap: capacity.dailyOrderCap,
          concurrentOrderCap: capacity.concurrentOrderCap,
          startTargetMinutes: capacity.startTargetMinutes,
          recentChanges,
        }}
        canManage={managesStores(staff)}
      />
      <StoreQueueView store={{ code: store.code, name: store.name, timeZone: store.timeZone }} initialQueue={queue} />
    </div>
  );
}
