import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import type { IntakeReason } from "@/lib/oms/intake/canonical-order";
import { CHANNEL_NAMES } from "@/lib/oms/intake/channel-names";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { discardIntakeAction, replayIntakeAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Fix and replay" };

/** One quarantined channel order: its reasons, its payload to edit, and replay or discard. */
export default async function IntakeOrderPage({ params }: PageProps<"/ops/intake/[id]">) {
  const { id } = await params;
  await requireStaffPage(OPS_ROLES, `/ops/intake/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const row = await db.intakeOrder.findUnique({ where: { id } });
  if (!row) notFound();
  const order = row.orderId ? await db.order.findUnique({ where: { id: row.orderId }, select: { number: true, routing: true, store: { select: { code: true } } } }) : null;
  const reasons = row.reasons as IntakeReason[];

  return (
    <div className="space-y-5">
      <Link href="/ops/intake" className="text-sm text-brand-700 underline">
        ← Intake
      </Link>
      <h1 className="text-2xl font-bold">
        {CHANNEL_NAMES[row.channel]} order {row.channelOrderId}
      </h1>
      <p className="text-sm text-slate-600">
        {row.status === "QUARANTINED" ? "In quarantine" : row.status === "ACCEPTED" ? "Placed" : "Discarded"} · {row.attempts} attempt{row.attempts === 1 ? "" : "s"}
        {row.resolvedBy ? ` · by ${row.resolvedBy}` : ""}
      </p>
      {order ? (
        <section role="status" aria-label="Placed" className="space-y-1 rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950">
          <p className="font-semibold">
            Placed as{" "}
            <Link href={`/ops/orders/${order.number}`} className="underline">
              {formatOrderNumber(order.number)}
            </Link>{" "}
            at {order.store.code}.
          </p>
          {(order.routing as { reason?: string } | null)?.reason ? <p>{(order.routing as { reason: string }).reason}</p> : null}
        </section>
      ) : null}
      {row.status === "QUARANTINED" && reasons.length > 0 ? (
        <section aria-labelledby="reasons">
          <h2 id="reasons" className="text-lg font-semibold">
            Why it was not placed
          </h2>
          <ul className="list-disc pl-5 text-sm text-red-800">
            {reasons.map((reason, index) => (
              <li key={index}>
                <code className="rounded bg-red-50 px-1">{reason.path}</code> {reason.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {row.status === "QUARANTINED" ? (
        <>
          <ActionForm action={replayIntakeAction} submitLabel="Replay" pendingLabel="Replaying…" className="space-y-2">
            <input type="hidden" name="id" value={row.id} />
            <label className="block text-sm font-medium">
              Order as the channel sent it (edit to fix)
              <textarea name="payload" defaultValue={JSON.stringify(row.payload, null, 2)} rows={24} spellCheck={false} className="mt-1 block w-full max-w-4xl rounded-lg border border-slate-300 p-3 font-mono text-sm" />
            </label>
          </ActionForm>
          <ActionForm action={discardIntakeAction} submitLabel="Discard" danger className="space-y-2">
            <input type="hidden" name="id" value={row.id} />
            <label className="block text-sm font-medium">
              Reason to discard
              <input name="reason" placeholder="Canceled by the channel" className="mt-1 block min-h-11 w-96 rounded-lg border border-slate-300 px-3" />
            </label>
          </ActionForm>
        </>
      ) : (
        <pre className="max-w-4xl overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(row.payload, null, 2)}</pre>
      )}
    </div>
  );
}
