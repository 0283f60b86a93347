"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startPickingAction } from "@/app/(store)/store/actions";
import type { QueueCard as Card } from "@/lib/pos/store-queue/queue";
import type { QueueTab } from "@/lib/pos/store-queue/queue-tabs";
import { formatElapsed } from "@/lib/pos/store-queue/sla";
import { formatSlot, formatStoreTime } from "@/lib/platform/format/store-time";
import { SlaTimer } from "./sla-timer";

type Props = { card: Card; tab: QueueTab; timeZone: string; now: number };

/** One order in the queue: who, how much, when, and how it stands against the clock. */
export function QueueCard({ card, tab, timeZone, now }: Props) {
  const router = useRouter();
  const start = useMutation({
    mutationFn: () => startPickingAction(card.orderNumber),
    onSuccess: (result) => {
      if (result.ok) router.push(`/store/orders/${card.orderNumber}`);
    },
  });
  const waitingMs = card.arrivedAt ? now - Date.parse(card.arrivedAt) : 0;
  const headingId = `order-${card.orderNumber}`;

  return (
    <li aria-labelledby={headingId} className={`rounded-xl border bg-white p-4 shadow-sm ${tab === "curbside" || card.waitingAtCounter ? "border-red-400 ring-2 ring-red-200" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-xl font-bold">
            <Link href={`/store/orders/${card.orderNumber}`} className="inline-flex min-h-11 items-center underline-offset-4 hover:underline">
              H-{card.orderNumber} · {card.customerFirstName}
            </Link>
          </h3>
          <p className="text-slate-700">
            {card.itemCount} {card.itemCount === 1 ? "item" : "items"} · {card.pickupMethod === "CURBSIDE" ? "Curbside" : "In store"}
            {card.stagingBin ? ` · Bin ${card.stagingBin}` : ""}
          </p>
        </div>
        {tab === "curbside" || card.waitingAtCounter ? (
          <span className="rounded-full bg-red-600 px-3 py-1 text-base font-semibold text-white tabular-nums">
            {card.waitingAtCounter ? "Waiting at counter" : "Waiting"} {formatElapsed(waitingMs)}
          </span>
        ) : tab === "done" ? (
          <span className="rounded-full bg-slate-100 px-3 py-1 text-base">{card.status === "picked_up" ? "Picked up" : card.status === "no_show" ? "No-show" : "Canceled"}</span>
        ) : (
          <SlaTimer targetAt={card.pickTargetAt} readyAt={card.readyAt} now={now} />
        )}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-base">
        {card.pickupWindow ? (
          <>
            <dt className="text-slate-500">Pickup</dt>
            <dd>{formatSlot(new Date(card.pickupWindow.startsAt), new Date(card.pickupWindow.endsAt), timeZone, new Date(now))}</dd>
          </>
        ) : null}
        {card.promisedReadyAt ? (
          <>
            <dt className="text-slate-500">Promised</dt>
            <dd>{formatStoreTime(new Date(card.promisedReadyAt), timeZone)}</dd>
          </>
        ) : null}
        {card.collectorName ? (
          <>
            <dt className="text-slate-500">Collector</dt>
            <dd className="font-semibold">{card.collectorName}</dd>
          </>
        ) : null}
        {tab === "curbside" ? (
          <>
            <dt className="text-slate-500">Parked</dt>
            <dd className="font-semibold">
              {card.parkingBay ? `Bay ${card.parkingBay}` : "Bay not given"}
              {card.carDescription ? ` · ${card.carDescription}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      {card.lateAlert ? (
        <p className="mt-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-base text-amber-950">
          <strong>Late:</strong> {card.lateAlert}
        </p>
      ) : null}
      {card.stockAlert && tab !== "done" ? (
        <p className="mt-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-base text-amber-950">
          <strong>Stock alert:</strong> {card.stockAlert}
        </p>
      ) : null}
      {tab === "ready" || tab === "curbside" ? (
        <div className="mt-3">
          <Link
            href={`/store/orders/${card.orderNumber}?handover=1`}
            className="inline-flex min-h-12 items-center rounded-lg bg-emerald-700 px-5 text-lg font-semibold text-white hover:bg-emerald-800"
          >
            Hand over
          </Link>
        </div>
      ) : null}
      {tab === "new" ? (
        <div className="mt-3 flex items-center gap-3">
          <button
            type="button"
            onClick={() => start.mutate()}
            disabled={start.isPending}
            className="min-h-12 rounded-lg bg-emerald-700 px-5 text-lg font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
          >
            Start picking
          </button>
          {start.data && !start.data.ok ? (
            <p role="alert" className="text-base text-red-700">
              {start.data.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
