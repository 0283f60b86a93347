import type { Metadata } from "next";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { BarList } from "@/components/ops/bar-list";
import { ColumnChart } from "@/components/ops/column-chart";
import { InventoryAccuracySection } from "@/components/ops/inventory-accuracy-section";
import { describeRunTime, formatAccuracy, INVENTORY_ACCURACY_TARGET, meetsAccuracyTarget } from "@/lib/monitor/inventory-accuracy/accuracy";
import { latestAccuracyRun } from "@/lib/monitor/inventory-accuracy/latest-accuracy-run";
import { loadKpiTrend, type TrendUnit } from "@/lib/monitor/kpis/kpi-trend";
import { loadStoreComparison } from "@/lib/monitor/kpis/store-comparison";
import { loadStoreCapacityKpis } from "@/lib/monitor/kpis/store-capacity-kpis";
import { loadShortPickKpis } from "@/lib/monitor/kpis/short-pick-kpis";
import { DataTable } from "@/components/ops/data-table";
import { loadKpis, PICK_TO_READY_TARGET_MINUTES, PICKUP_CONVERSION_TARGET } from "@/lib/monitor/kpis/store-kpis";
import { plural } from "@/lib/platform/format/plural";
import { formatCents } from "@/lib/platform/money";
import { checkInventoryAccuracyAction } from "./actions";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "KPIs" };

const PERIODS = { "24h": ["Last 24 hours", 1], "7d": ["Last 7 days", 7], "30d": ["Last 30 days", 30] } as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-11-23T14:00" as "14:00" (hourly) or "Nov 23" (daily). */
const bucketLabel = (start: string, unit: TrendUnit) => (unit === "hour" ? start.slice(11, 16) : `${MONTHS[Number(start.slice(5, 7)) - 1]} ${Number(start.slice(8, 10))}`);
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
  await requireStaffPage(OPS_ROLES, returnPathOf("/ops/kpis", await searchParams));
  const { period: askedPeriod, store: askedStore } = await searchParams;
  const period: PeriodKey = typeof askedPeriod === "string" && Object.hasOwn(PERIODS, askedPeriod) ? (askedPeriod as PeriodKey) : "24h";
  const db = getDb();
  const stores = await db.store.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  const store = stores.find((candidate) => candidate.code === askedStore) ?? null;
  const to = new Date(await db.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`.then((rows) => rows[0]!.now));
  const from = new Date(to.getTime() - PERIODS[period][1] * 86_400_000);
  const unit: TrendUnit = period === "24h" ? "hour" : "day";
  const timeZone = store ? (await db.store.findUniqueOrThrow({ where: { id: store.id }, select: { timeZone: true } })).timeZone : "UTC";
  const [kpis, trend, comparison, accuracyRun, capacity, shorts] = await Promise.all([
    loadKpis(db, { from, to }, store?.id),
    loadKpiTrend(db, { from, to, unit, timeZone, storeId: store?.id }),
    store ? Promise.resolve([]) : loadStoreComparison(db, { from, to }),
    latestAccuracyRun(db, store ?? undefined),
    loadStoreCapacityKpis(db, { from, to }).then((rows) => (store ? rows.filter((row) => row.code === store.code) : rows)),
    loadShortPickKpis(db, { from, to }, store?.id),
  ]);
  const placedTotal = trend.reduce((sum, point) => sum + point.ordersPlaced, 0);
  const busiest = trend.reduce((best, point) => (point.ordersPlaced > (best?.ordersPlaced ?? -1) ? point : best), trend[0]);

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
          detail={`p90 ${minutes(kpis.pickToReady.p90Minutes)} · ${plural(kpis.pickToReady.orders, "order")} ready`}
          bad={(kpis.pickToReady.p90Minutes ?? 0) > PICK_TO_READY_TARGET_MINUTES}
        />
        <Tile label="SLA adherence (ready by target)" value={percent(kpis.pickToReady.adherence)} detail={`${kpis.pickToReady.withinTarget} of ${plural(kpis.pickToReady.orders, "order")}`} />
        <Tile
          label={`Pickup conversion (target > ${PICKUP_CONVERSION_TARGET * 100}%)`}
          value={percent(kpis.pickupConversion.rate)}
          detail={`${kpis.pickupConversion.pickedUp} picked up, ${kpis.pickupConversion.noShows} not collected`}
          bad={kpis.pickupConversion.rate !== null && kpis.pickupConversion.rate <= PICKUP_CONVERSION_TARGET}
        />
        <Tile label="No-show rate" value={percent(kpis.noShowRate)} />
        {/* One inventory tile: the last full check, and what the storefront shows against the ledger right now. */}
        <Tile
          label={`Inventory accuracy (target ${INVENTORY_ACCURACY_TARGET * 100}%)`}
          value={accuracyRun ? formatAccuracy(accuracyRun.figures.accuracy) : "never run"}
          detail={`${
            accuracyRun
              ? `${accuracyRun.figures.itemsMismatched} of ${plural(accuracyRun.figures.itemsChecked, "store item")} mismatched at the last check (${describeRunTime(accuracyRun.finishedAt, to)})`
              : "No full check has finished yet"
          }. Storefront vs ledger now: ${kpis.availabilityMismatch.mismatched} of ${plural(kpis.availabilityMismatch.checked, "store item")} disagree (${percent(kpis.availabilityMismatch.rate)}).`}
          bad={(accuracyRun !== null && accuracyRun.figures.accuracy !== null && !meetsAccuracyTarget(accuracyRun.figures.accuracy)) || (kpis.availabilityMismatch.rate ?? 0) > 1 - INVENTORY_ACCURACY_TARGET}
        />
        <Tile
          label="Authorizations uncaptured past the hold"
          value={String(kpis.staleAuthorizations.count)}
          detail={formatCents(kpis.staleAuthorizations.amountCents)}
          bad={kpis.staleAuthorizations.count > 0}
        />
      </dl>

      <section aria-labelledby="over-time" className="space-y-3">
        <h2 id="over-time" className="text-xl font-semibold">
          Over time
        </h2>
        <p className="text-sm text-slate-600">Per {unit}, in {store ? `the store's time zone (${timeZone})` : "UTC"}.</p>
        <div className="grid gap-4 lg:grid-cols-2">
          <ColumnChart
            title="Orders placed"
            summary={`${plural(placedTotal, "order")}, ${PERIODS[period][0].toLowerCase()}${busiest && busiest.ordersPlaced > 0 ? `, most at ${bucketLabel(busiest.start, unit)} (${busiest.ordersPlaced})` : ""}`}
            columns={trend.map((point) => ({ key: point.start, label: bucketLabel(point.start, unit), value: point.ordersPlaced, display: String(point.ordersPlaced) }))}
          />
          <ColumnChart
            title={`SLA adherence (ready within ${PICK_TO_READY_TARGET_MINUTES} min; line at 100%)`}
            summary={`${trend.filter((point) => point.slaAdherence !== null && point.slaAdherence < 1).length} of ${trend.filter((point) => point.slaAdherence !== null).length} ${unit}s with orders ready late`}
            max={1}
            target={1}
            columns={trend.map((point) => ({
              key: point.start,
              label: bucketLabel(point.start, unit),
              value: point.slaAdherence,
              display: point.slaAdherence === null ? "no orders ready" : `${percent(point.slaAdherence)} of ${point.readied}`,
              bad: point.slaAdherence !== null && point.slaAdherence < 0.9,
            }))}
          />
        </div>
      </section>

      {comparison.length > 0 ? (
        <section aria-labelledby="by-store" className="space-y-3">
          <h2 id="by-store" className="text-xl font-semibold">
            By store
          </h2>
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-2">
              <h3 className="font-medium">Orders placed</h3>
              <BarList bars={comparison.map((row) => ({ key: row.code, label: `${row.code} · ${row.name}`, value: row.ordersPlaced, display: String(row.ordersPlaced) }))} />
            </div>
            <div className="space-y-2">
              <h3 className="font-medium">Pick-to-ready p90 (line: {PICK_TO_READY_TARGET_MINUTES}-minute target)</h3>
              <BarList
                target={PICK_TO_READY_TARGET_MINUTES}
                targetLabel={`${PICK_TO_READY_TARGET_MINUTES}-minute target`}
                bars={comparison.map((row) => ({
                  key: row.code,
                  label: `${row.code} · ${row.name}`,
                  value: row.pickToReadyP90Minutes,
                  display: minutes(row.pickToReadyP90Minutes),
                  bad: (row.pickToReadyP90Minutes ?? 0) > PICK_TO_READY_TARGET_MINUTES,
                }))}
              />
            </div>
            <div className="space-y-2">
              <h3 className="font-medium">SLA adherence</h3>
              <BarList
                max={1}
                bars={comparison.map((row) => ({ key: row.code, label: `${row.code} · ${row.name}`, value: row.slaAdherence, display: percent(row.slaAdherence), bad: row.slaAdherence !== null && row.slaAdherence < 0.9 }))}
              />
            </div>
            <div className="space-y-2">
              <h3 className="font-medium">Pickup conversion (line: {PICKUP_CONVERSION_TARGET * 100}% target)</h3>
              <BarList
                max={1}
                target={PICKUP_CONVERSION_TARGET}
                targetLabel={`${PICKUP_CONVERSION_TARGET * 100}% target`}
                bars={comparison.map((row) => ({
                  key: row.code,
                  label: `${row.code} · ${row.name}`,
                  value: row.pickupConversion,
                  display: percent(row.pickupConversion),
                  bad: row.pickupConversion !== null && row.pickupConversion <= PICKUP_CONVERSION_TARGET,
                }))}
              />
            </div>
          </div>
        </section>
      ) : null}

      <DataTable
        caption="Stores not taking pickup orders"
        headers={["Store", "Pauses", "Paused for", "Cap changes", "Daily cap", "In-hand cap"]}
        rows={capacity.map((row) => [
          `${row.code} · ${row.name}`,
          row.pauses,
          `${row.pausedMinutes} min`,
          row.capChanges,
          row.dailyOrderCap ?? "none",
          row.concurrentOrderCap ?? "none",
        ])}
        empty="No store paused pickup orders or set a cap in this period."
      />

      <DataTable
        caption="Short picks by store, SKU and reason"
        headers={["Store", "SKU", "Reason", "Lines", "Units"]}
        rows={shorts.slice(0, 50).map((row) => [`${row.storeCode} · ${row.storeName}`, row.sku, row.reason, row.shorts, row.units])}
        empty="No line was short in this period."
      />

      <InventoryAccuracySection latest={accuracyRun} now={to} storeCode={store?.code} checkAction={checkInventoryAccuracyAction} />

      <section aria-labelledby="delivery-errors" className="space-y-2">
        <h2 id="delivery-errors" className="text-xl font-semibold">
          Delivery error rate by receiving system
        </h2>
        <p className="text-sm text-slate-600">Deliveries that needed a retry, were dropped or were dead-lettered.</p>
        <BarList
          max={0.01}
          emptyText="No deliveries in this period."
          bars={kpis.deliveryErrorRate.map((row) => ({ key: row.system, label: row.system, value: row.rate, display: `${percent(row.rate)} (${row.failed} of ${row.deliveries})`, bad: row.rate > 0 }))}
        />
      </section>
    </div>
  );
}
