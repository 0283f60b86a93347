import type { Metadata } from "next";
import { OPS_ROLES, requireStaffPage } from "@/lib/auth/staff";
import { getDb } from "@/lib/db/prisma";
import { loadKpis, PICK_TO_READY_TARGET_MINUTES, PICKUP_CONVERSION_TARGET } from "@/lib/kpis/store-kpis";
import { formatCents } from "@/lib/money";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "KPIs" };

const PERIODS = { "24h": ["Last 24 hours", 1], "7d": ["Last 7 days", 7], "30d": ["Last 30 days", 30] } as const;
type PeriodKey = keyof typeof PERIODS;

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const minutes = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} min`);

function Tile({ label, value, detail, bad }: { label: string; value: string; detail?: string; bad?: boolean }) {
  return (
    <div className={`rounded-xl border bg-white p-4 ${bad ? "border-red-400" : "border-slate-200"}`}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`text-2xl font-semibold ${bad ? "text-red-700" : ""}`}>{value}</dd>
      {detail ? <dd className="text-sm text-slate-600">{detail}</dd> : null}
    </div>
  );
}

/** Operating KPIs per store or overall, for a chosen period. */
export default async function KpisPage({ searchParams }: PageProps<"/ops/kpis">) {
  await requireStaffPage(OPS_ROLES, "/ops/kpis");
  const { period: askedPeriod, store: askedStore } = await searchParams;
  const period: PeriodKey = typeof askedPeriod === "string" && askedPeriod in PERIODS ? (askedPeriod as PeriodKey) : "24h";
  const db = getDb();
  const stores = await db.store.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  const store = stores.find((candidate) => candidate.code === askedStore) ?? null;
  const to = new Date(await db.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`.then((rows) => rows[0]!.now));
  const from = new Date(to.getTime() - PERIODS[period][1] * 86_400_000);
  const kpis = await loadKpis(db, { from, to }, store?.id);
  const maxErrorRate = Math.max(0.01, ...kpis.deliveryErrorRate.map((row) => row.rate));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">KPIs{store ? ` · ${store.name}` : " · all stores"}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Period
          <select name="period" defaultValue={period} className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-2">
            {Object.entries(PERIODS).map(([key, [label]]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Store
          <select name="store" defaultValue={store?.code ?? ""} className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-2">
            <option value="">All stores</option>
            {stores.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>
                {candidate.code} · {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
          Show
        </button>
      </form>

      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Tile label="Orders placed" value={String(kpis.ordersPlaced)} />
        <Tile
          label={`Pick-to-ready (target ${PICK_TO_READY_TARGET_MINUTES} min)`}
          value={`${minutes(kpis.pickToReady.medianMinutes)} median`}
          detail={`p90 ${minutes(kpis.pickToReady.p90Minutes)} · ${kpis.pickToReady.orders} orders ready`}
          bad={(kpis.pickToReady.p90Minutes ?? 0) > PICK_TO_READY_TARGET_MINUTES}
        />
        <Tile label="SLA adherence (ready by target)" value={percent(kpis.pickToReady.adherence)} detail={`${kpis.pickToReady.withinTarget} of ${kpis.pickToReady.orders}`} />
        <Tile
          label={`Pickup conversion (target > ${PICKUP_CONVERSION_TARGET * 100}%)`}
          value={percent(kpis.pickupConversion.rate)}
          detail={`${kpis.pickupConversion.pickedUp} picked up, ${kpis.pickupConversion.noShows} not collected`}
          bad={kpis.pickupConversion.rate !== null && kpis.pickupConversion.rate <= PICKUP_CONVERSION_TARGET}
        />
        <Tile label="No-show rate" value={percent(kpis.noShowRate)} />
        <Tile
          label="Storefront vs inventory mismatch"
          value={percent(kpis.availabilityMismatch.rate)}
          detail={`${kpis.availabilityMismatch.mismatched} of ${kpis.availabilityMismatch.checked} store items`}
          bad={(kpis.availabilityMismatch.rate ?? 0) > 0.002}
        />
        <Tile
          label="Authorizations uncaptured past the hold"
          value={String(kpis.staleAuthorizations.count)}
          detail={formatCents(kpis.staleAuthorizations.amountCents)}
          bad={kpis.staleAuthorizations.count > 0}
        />
      </dl>

      <section aria-labelledby="delivery-errors" className="space-y-2">
        <h2 id="delivery-errors" className="text-xl font-semibold">
          Delivery error rate by receiving system
        </h2>
        <p className="text-sm text-slate-600">Deliveries that needed a retry, were dropped or were dead-lettered.</p>
        <ul className="space-y-2">
          {kpis.deliveryErrorRate.length === 0 ? <li className="text-slate-600">No deliveries in this period.</li> : null}
          {kpis.deliveryErrorRate.map((row) => (
            <li key={row.system} className="grid grid-cols-[9rem_1fr_10rem] items-center gap-3 text-sm">
              <span className="font-medium">{row.system}</span>
              <span aria-hidden="true" className="h-3 rounded-full bg-slate-100">
                <span className="block h-3 rounded-full bg-red-500" style={{ width: `${(row.rate / maxErrorRate) * 100}%` }} />
              </span>
              <span className="tabular-nums">
                {percent(row.rate)} ({row.failed} of {row.deliveries})
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
