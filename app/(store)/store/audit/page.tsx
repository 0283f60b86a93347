import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { AUDIT_ACTIONS, listAudit } from "@/lib/pos/store-queue/audit";
import { storesInScope } from "@/lib/pos/store-queue/scope";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Store audit log" };

function describe(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

/** Every handover, cancel, short pick, lockout and unlock: who, when, where, how verified, on which device. */
export default async function StoreAuditPage({ searchParams }: PageProps<"/store/audit">) {
  const staff = await requireStaffPage(OPS_ROLES, returnPathOf("/store/audit", await searchParams));
  const { store: requested } = await searchParams;
  const db = getDb();
  const stores = await storesInScope(db, staff);
  const store = stores.find((candidate) => candidate.code === requested) ?? null;
  const entries = await listAudit(db, store ? [store.code] : stores.map((candidate) => candidate.code));
  const zoneOf = new Map(stores.map((candidate) => [candidate.code, candidate.timeZone]));
  const time = (date: Date, code: string) =>
    new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: zoneOf.get(code) ?? "UTC" }).format(date);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log{store ? ` · ${store.name}` : " · all stores"}</h1>
      <nav aria-label="Filter by store" className="flex flex-wrap gap-2 text-base">
        <Link href="/store/audit" aria-current={store ? undefined : "page"} className="flex min-h-11 items-center rounded-full border border-slate-300 px-4 aria-[current=page]:bg-emerald-50 aria-[current=page]:font-semibold">
          All stores
        </Link>
        {stores.map((candidate) => (
          <Link
            key={candidate.code}
            href={`/store/audit?store=${candidate.code}`}
            aria-current={candidate.code === store?.code ? "page" : undefined}
            className="flex min-h-11 items-center rounded-full border border-slate-300 px-4 aria-[current=page]:bg-emerald-50 aria-[current=page]:font-semibold"
          >
            {candidate.code}
          </Link>
        ))}
      </nav>
      <DataTable
        caption="Store audit log, newest first"
        headers={["When (store time)", "Store", "Order", "What", "Who", "Verified by", "Device", "Details"]}
        empty="Nothing recorded yet."
        rows={entries.map((entry) => [
          time(entry.occurredAt, entry.storeCode),
          <span key="store" className="whitespace-nowrap">
            {entry.storeCode}
          </span>,
          <span key="order" className="whitespace-nowrap">
            {entry.orderNumber ? `H-${entry.orderNumber}` : ""}
          </span>,
          AUDIT_ACTIONS[entry.action as keyof typeof AUDIT_ACTIONS] ?? entry.action,
          entry.staffName,
          entry.verification?.replaceAll("_", " ").replace("+", " + ") ?? "",
          <span key="device" className="block max-w-48 truncate" title={entry.device ?? ""}>
            {entry.device ?? ""}
          </span>,
          describe(entry.details),
        ])}
      />
    </div>
  );
}
