import type { Metadata } from "next";
import Link from "next/link";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { formatDuration } from "@/lib/monitor/cascade/format-duration";
import { getDb } from "@/lib/platform/db/prisma";
import { CHANNEL_NAMES } from "@/lib/oms/intake/channel-names";
import { HIGH_VALUE_CENTS, listQuarantine, OLD_AFTER_MINUTES } from "@/lib/oms/intake/quarantine";
import { formatCents } from "@/lib/platform/money";
import { formatOrderNumber } from "@/lib/platform/format/order-number";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Intake" };

/** Channel orders: what waits in quarantine (urgent first) and what came in lately. */
export default async function IntakePage() {
  await requireStaffPage(OPS_ROLES, "/ops/intake");
  const db = getDb();
  const [quarantined, recent] = await Promise.all([
    listQuarantine(db),
    db.intakeOrder.findMany({
      where: { status: { in: ["ACCEPTED", "DISCARDED"] } },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { id: true, channel: true, channelOrderId: true, status: true, resolvedBy: true, orderId: true, updatedAt: true },
    }),
  ]);
  const orders = await db.order.findMany({ where: { id: { in: recent.flatMap((row) => (row.orderId ? [row.orderId] : [])) } }, select: { id: true, number: true, store: { select: { code: true } } } });
  const orderById = new Map(orders.map((order) => [order.id, order]));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Intake</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Orders other channels send to <code className="rounded bg-slate-100 px-1">POST /api/v1/orders</code>. One that cannot be placed waits here with the exact reasons — nothing is lost
        or half-placed. Orders worth {formatCents(HIGH_VALUE_CENTS)} or more, or waiting over {OLD_AFTER_MINUTES} minutes, come first.
      </p>

      <section aria-labelledby="quarantine" className="space-y-3">
        <h2 id="quarantine" className="text-xl font-semibold">
          Quarantine ({quarantined.length})
        </h2>
        {quarantined.length === 0 ? <p className="text-slate-600">Nothing waiting.</p> : null}
        <ul className="space-y-3">
          {quarantined.map((row) => (
            <li key={row.id} className={`rounded-xl border bg-white p-4 ${row.urgent ? "border-amber-400" : "border-slate-200"}`}>
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <span className="font-semibold">
                  {CHANNEL_NAMES[row.channel]} order {row.channelOrderId}
                </span>
                {row.urgent ? <span className="rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-900">first</span> : null}
                <span className="text-sm text-slate-600">{row.declaredCents === null ? "value not given" : formatCents(row.declaredCents)}</span>
                <span className="text-sm text-slate-600">waiting {formatDuration(row.waitingSeconds)}</span>
                <span className="text-sm text-slate-600">
                  {row.attempts} attempt{row.attempts === 1 ? "" : "s"}
                </span>
                <Link href={`/ops/intake/${row.id}`} className="ml-auto rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50" aria-label={`Fix and replay ${row.channelOrderId}`}>
                  Fix and replay
                </Link>
              </div>
              <ul className="mt-2 list-disc pl-5 text-sm text-red-800">
                {row.reasons.map((reason, index) => (
                  <li key={index}>
                    <code className="rounded bg-red-50 px-1">{reason.path}</code> {reason.message}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recent" className="space-y-2">
        <h2 id="recent" className="text-xl font-semibold">
          Lately placed or discarded
        </h2>
        {recent.length === 0 ? <p className="text-slate-600">No channel orders yet.</p> : null}
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
          {recent.map((row) => {
            const order = row.orderId ? orderById.get(row.orderId) : undefined;
            return (
              <li key={row.id} className="flex flex-wrap gap-x-4 px-4 py-2">
                <span className="font-medium">
                  {CHANNEL_NAMES[row.channel]} {row.channelOrderId}
                </span>
                {order ? (
                  <Link href={`/ops/orders/${order.number}`} className="text-brand-700 underline">
                    {formatOrderNumber(order.number)} at {order.store.code}
                  </Link>
                ) : (
                  <span className="text-slate-600">discarded</span>
                )}
                {row.resolvedBy ? <span className="text-slate-600">by {row.resolvedBy}</span> : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
