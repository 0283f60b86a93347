import type { Metadata } from "next";
import { DataTable } from "@/components/ops/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { replayDeadLettersAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dead letters" };

export default async function DeadLettersPage() {
  const staff = await requireStaffPage(OPS_ROLES, "/ops/dead-letters");
  const dead = await getDb().delivery.findMany({
    where: { status: "DEAD" },
    include: { event: { select: { type: true, source: true, payload: true, occurredAt: true } } },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  const isAdmin = staff.role === "ADMIN";
  const rows = dead.map((delivery) => {
    const orderNumber = (delivery.event.payload as { orderNumber?: number } | null)?.orderNumber;
    return [
      isAdmin ? (
        <input key="pick" type="checkbox" name="ids" value={delivery.id} form="replay-selected" aria-label={`Select ${delivery.event.type} to ${delivery.targetSystem}${orderNumber ? ` for ${formatOrderNumber(orderNumber)}` : ""}`} className="h-5 w-5" />
      ) : null,
      orderNumber ? formatOrderNumber(orderNumber) : "—",
      `${delivery.event.source} → ${delivery.targetSystem}`,
      delivery.event.type,
      delivery.injectedFault === "DROP" ? "dropped (injected)" : delivery.rejected ? "rejected" : "retries exhausted",
      delivery.attempts,
      <span key="error" className="block max-w-md break-words text-xs text-slate-600">{delivery.lastError ?? ""}</span>,
    ];
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Dead letters</h1>
      <p className="text-slate-600">Deliveries that will not be tried again on their own: refused by the receiver, out of retries, or lost to an injected drop. Replaying is safe: receivers apply each event once.</p>
      {isAdmin ? (
        <div className="flex flex-wrap gap-4">
          <ActionForm id="replay-selected" action={replayDeadLettersAction} submitLabel="Replay selected" pendingLabel="Replaying…">
            <input type="hidden" name="scope" value="selected" />
          </ActionForm>
          <ActionForm action={replayDeadLettersAction} submitLabel={`Replay all (${rows.length})`} pendingLabel="Replaying…">
            <input type="hidden" name="scope" value="all" />
          </ActionForm>
        </div>
      ) : null}
      <DataTable caption="Dead letters" headers={["", "Order", "Boundary", "Event", "Why", "Attempts", "Last error"]} rows={rows} empty="No dead letters." />
    </div>
  );
}
