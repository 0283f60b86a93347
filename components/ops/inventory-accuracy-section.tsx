import { ActionForm } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { DataTable } from "@/components/ops/data-table";
import { describeRunTime, INVENTORY_ACCURACY_TARGET } from "@/lib/monitor/inventory-accuracy/accuracy";
import type { MismatchKind } from "@/lib/monitor/inventory-accuracy/compare-item";
import type { LatestAccuracyRun } from "@/lib/monitor/inventory-accuracy/latest-accuracy-run";

const KIND_LABELS: Record<MismatchKind, string> = {
  reservations: "Allocated ≠ live reservations and checkout holds",
  storefront: "Storefront ≠ available to promise",
  wms: "WMS held ≠ allocated to orders",
};

type SectionProps = {
  latest: LatestAccuracyRun | null;
  now: Date;
  /** The chosen store's code, when the page shows one store. */
  storeCode?: string;
  checkAction: () => Promise<ActionResult>;
};

/** The latest inventory accuracy check: its mismatches, and a button to check again now. */
export function InventoryAccuracySection({ latest, now, storeCode, checkAction }: SectionProps) {
  const shown = latest?.mismatches ?? [];
  const total = latest?.figures.itemsMismatched ?? 0;
  return (
    <section aria-labelledby="inventory-accuracy" className="space-y-3">
      <h2 id="inventory-accuracy" className="text-xl font-semibold">
        Inventory accuracy
      </h2>
      <p className="text-sm text-slate-600">
        Every store item&apos;s ledger against its live reservations and checkout holds, the units the WMS holds, and what the storefront offers (target{" "}
        {INVENTORY_ACCURACY_TARGET * 100}%).{" "}
        {latest
          ? `Latest ${latest.trigger} check: ${describeRunTime(latest.finishedAt, now)}.${storeCode ? ` Listing ${storeCode}'s items only.` : ""}`
          : "No check has finished yet."}
      </p>
      <ActionForm action={checkAction} submitLabel="Check inventory accuracy now" pendingLabel="Checking inventory…" />
      {latest ? (
        <>
          <DataTable
            caption="Store items whose sources disagree in the latest check"
            headers={["Store", "SKU", "What disagrees", "On hand", "Allocated", "Safety stock", "Live reservations", "Checkout holds", "WMS held", "Storefront", "Available to promise"]}
            empty="Every item checked agreed everywhere."
            rows={shown.map((row) => [
              row.storeCode,
              <span key="sku" className="font-mono">
                {row.sku}
              </span>,
              row.kinds.map((kind) => KIND_LABELS[kind] ?? kind).join("; "),
              row.onHand,
              row.allocated,
              row.safetyStock,
              row.reservedUnits,
              row.checkoutHeldUnits,
              row.wmsHeldUnits,
              row.storefrontAvailable ?? "no row",
              row.availableToPromise,
            ])}
          />
          {total > shown.length ? <p className="text-sm text-slate-600">Showing the first {shown.length} of {total} mismatched items.</p> : null}
        </>
      ) : null}
    </section>
  );
}
