import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { retailerSettings } from "@/lib/oms/retailer-settings";
import { saveRetailerSettingsAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

const MODES = [
  { value: "AUTO", label: "Reroute automatically", detail: "The order moves to the next store by the routing score; the shopper is told where and when." },
  { value: "ASK", label: "Ask the shopper first", detail: "The shopper is offered the next store (\"Pick up at Cedar Park by 4:30 PM instead\") and accepts or cancels by a deadline." },
  { value: "CANCEL", label: "Cancel the order", detail: "As before rerouting existed: the order is canceled and the card released." },
] as const;

export default async function SettingsPage() {
  const staff = await requireStaffPage(OPS_ROLES, "/ops/settings");
  const settings = await retailerSettings(getDb());
  const isAdmin = staff.role === "ADMIN";
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Settings</h1>
      <section aria-labelledby="reroute-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="reroute-heading" className="text-lg font-semibold">
          When a store cannot fill an order, and how long items are held
        </h2>
        <p className="text-sm text-slate-600">
          An associate rejects the order on the tablet. Stores that already could not fill it are never offered again; an order that has moved three times,
          or has no store left within 50 miles, is canceled with an offer to ship it home.
        </p>
        <ActionForm action={saveRetailerSettingsAction} submitLabel="Save settings" pendingLabel="Saving…">
          <fieldset disabled={!isAdmin} className="space-y-3">
            <legend className="sr-only">What happens</legend>
            {MODES.map((mode) => (
              <label key={mode.value} className="flex gap-3">
                <input type="radio" name="rerouteMode" value={mode.value} defaultChecked={settings.rerouteMode === mode.value} className="mt-1 h-5 w-5" />
                <span>
                  <span className="font-medium">{mode.label}</span>
                  <span className="block text-sm text-slate-600">{mode.detail}</span>
                </span>
              </label>
            ))}
            <label className="block">
              <span className="font-medium">Minutes the shopper has to answer</span>
              <input type="number" name="rerouteOfferMinutes" min={5} max={1440} defaultValue={settings.rerouteOfferMinutes} className="mt-1 block min-h-11 w-32 rounded-lg border border-slate-300 px-3" />
            </label>
            <label className="flex gap-3">
              <input type="checkbox" name="rerouteLateOrders" defaultChecked={settings.rerouteLateOrders} className="mt-1 h-5 w-5" />
              <span>
                <span className="font-medium">Move late orders to another store</span>
                <span className="block text-sm text-slate-600">
                  An order its store has not started in time, before its pickup window opens, moves to a store that can have it ready sooner (rerouting
                  automatically), or the shopper is offered that store (asking first). Otherwise late orders stay, and the store is alerted.
                </span>
              </span>
            </label>
            <label className="block">
              <span className="font-medium">Hours a shopper may extend the hold, once</span>
              <span className="block text-sm text-slate-600">From the order page (&quot;Extend hold&quot;); 0 turns it off.</span>
              <input type="number" name="holdExtensionHours" min={0} max={336} defaultValue={settings.holdExtensionHours} className="mt-1 block min-h-11 w-32 rounded-lg border border-slate-300 px-3" />
            </label>
            <label className="block">
              <span className="font-medium">Minutes a checkout holds the cart&apos;s items</span>
              <span className="block text-sm text-slate-600">
                From the moment the shopper chooses a store (&quot;Held for you until 4:12 PM&quot;), the units count against what other shoppers are offered; 0 turns it off.
              </span>
              <input type="number" name="checkoutHoldMinutes" min={0} max={120} defaultValue={settings.checkoutHoldMinutes} className="mt-1 block min-h-11 w-32 rounded-lg border border-slate-300 px-3" />
            </label>
          </fieldset>
        </ActionForm>
        <p className="text-sm text-slate-600">
          {settings.updatedBy ? `Last changed by ${settings.updatedBy}, ${formatOpsTime(settings.updatedAt)}.` : "Not changed yet: these are the defaults."}
          {isAdmin ? "" : " Only an admin can change them."}
        </p>
      </section>
    </div>
  );
}
