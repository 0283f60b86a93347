import type { Metadata } from "next";
import { DataTable } from "@/components/ops/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { faultableBoundaries } from "@/lib/bus/faults/manage-faults";
import { nodeRecipes } from "@/lib/bus/faults/node-recipes";
import { addFaultAction, removeFaultAction, toggleFaultAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Fault injection" };

const KINDS = [
  ["DROP", "Drop (lost in transit)"],
  ["CORRUPT", "Corrupt the payload"],
  ["WRONG_TYPE", "Wrong event type"],
  ["HTTP_500", "Receiver answers 500"],
  ["DELAY", "Delay / time out"],
  ["PAUSE", "Pause (nothing leaves the sender)"],
] as const;

export default async function FaultsPage() {
  const staff = await requireStaffPage(OPS_ROLES, "/ops/faults");
  const [rules, stores] = await Promise.all([
    getDb().faultRule.findMany({ orderBy: { createdAt: "desc" } }),
    getDb().store.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  const boundaries = faultableBoundaries();
  const isAdmin = staff.role === "ADMIN";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Fault injection</h1>
      <p className="max-w-3xl text-slate-600">
        Break one boundary on purpose to see the cascade: every failure node in the field write-ups can be reproduced here. Off unless a rule
        is on; clear the rule and replay the dead letters to heal.
      </p>
      {isAdmin ? (
        <ActionForm action={addFaultAction} submitLabel="Inject fault" pendingLabel="Injecting…" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <label className="text-sm font-medium">
              Boundary
              <select name="boundary" required className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2">
                {boundaries.map((b) => (
                  <option key={`${b.source}>${b.target}`} value={`${b.source}>${b.target}`}>
                    {b.source} → {b.target}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-medium">
              Event type (empty: all)
              <input name="eventType" list="event-types" className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3" />
              <datalist id="event-types">
                {[...new Set(boundaries.flatMap((b) => b.eventTypes))].map((type) => (
                  <option key={type} value={type} />
                ))}
              </datalist>
            </label>
            <label className="text-sm font-medium">
              What goes wrong
              <select name="kind" className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2">
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-medium">
              Store code (empty: all stores)
              <input name="storeCode" list="store-codes" autoComplete="off" className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3" />
              <datalist id="store-codes">
                {stores.map((store) => (
                  <option key={store.code} value={store.code}>
                    {store.name}
                  </option>
                ))}
              </datalist>
            </label>
            <label className="text-sm font-medium">
              Probability (%)
              <input name="probability" type="number" min={1} max={100} defaultValue={100} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3" />
            </label>
            <label className="text-sm font-medium">
              Delay (ms, for delays)
              <input name="delayMs" type="number" min={1} className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3" />
            </label>
            <label className="text-sm font-medium sm:col-span-2">
              Note
              <input name="note" className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3" />
            </label>
          </div>
        </ActionForm>
      ) : null}
      <DataTable
        caption="Fault rules"
        headers={["Boundary", "Event", "Store", "Fault", "Chance", "State", ""]}
        rows={rules.map((rule) => [
          `${rule.source} → ${rule.target}`,
          rule.eventType ?? "all",
          rule.storeCode ?? "all",
          rule.kind + (rule.delayMs ? ` ${rule.delayMs} ms` : ""),
          `${Math.round(rule.probability * 100)}%`,
          rule.enabled ? "on" : "paused",
          isAdmin ? (
            <div key="actions" className="flex gap-2">
              <ActionForm action={toggleFaultAction} submitLabel={rule.enabled ? "Pause" : "Resume"} buttonLabel={`${rule.enabled ? "Pause" : "Resume"} ${rule.kind.toLowerCase()} on ${rule.source} → ${rule.target}`}>
                <input type="hidden" name="id" value={rule.id} />
                <input type="hidden" name="enabled" value={rule.enabled ? "false" : "true"} />
              </ActionForm>
              <ActionForm action={removeFaultAction} submitLabel="Clear" danger buttonLabel={`Clear ${rule.kind.toLowerCase()} on ${rule.source} → ${rule.target}`}>
                <input type="hidden" name="id" value={rule.id} />
              </ActionForm>
            </div>
          ) : null,
        ])}
        empty="No faults injected."
      />
      <details className="rounded-xl border border-slate-200 bg-white p-5">
        <summary className="cursor-pointer font-medium">Reproducing the failure nodes</summary>
        <ul className="mt-2 space-y-1 text-sm">
          {nodeRecipes().map(({ node, recipe }) => (
            <li key={node}>
              <strong>{node}</strong>: {recipe}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
