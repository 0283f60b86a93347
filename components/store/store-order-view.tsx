"use client";

import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import Link from "next/link";
import { fetchView } from "@/lib/platform/http/fetch-view";
import type { StoreTaskView } from "@/lib/pos/store-queue/task-view";
import { formatElapsed } from "@/lib/pos/store-queue/sla";
import { formatSlot, formatStoreDateTime, formatStoreTime } from "@/lib/platform/format/store-time";
import { CancelAtStore } from "./cancel-at-store";
import { RejectAtStore } from "./reject-at-store";
import { HandoverPanel } from "./handover-panel";
import { PickList } from "./pick-list";
import { SlaTimer } from "./sla-timer";
import { StartPickingButton } from "./start-picking-button";
import { rememberStore } from "./remember-store";
import { useTickingClock } from "./ticking-clock";

const REFRESH_MS = 2_500;

const STATUS_LABEL: Record<string, string> = {
  new: "New",
  picking: "Picking",
  rejected: "Rejected",
  ready: "Ready",
  picked_up: "Picked up",
  canceled: "Canceled",
  no_show: "No-show",
};

type Props = { initialTask: StoreTaskView; canUnlock: boolean; openHandover?: boolean };

/** One order on the tablet: pick, stage, mark ready, hand over, or cancel. */
export function StoreOrderView({ initialTask, canUnlock, openHandover = false }: Props) {
  const queryClient = useQueryClient();
  const queryKey = ["store-task", initialTask.orderNumber];
  const { data } = useQuery({
    queryKey,
    queryFn: () => fetchView<StoreTaskView>(`/store/orders/${initialTask.orderNumber}/task`),
    initialData: initialTask,
    refetchInterval: REFRESH_MS,
  });
  const task = data ?? initialTask;
  const now = useTickingClock(initialTask.generatedAt);
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const open = task.canCancel;
  // Back to the queue lands on this order's store, however the tablet got here.
  useEffect(() => rememberStore(task.storeCode), [task.storeCode]);

  return (
    <div className="space-y-5">
      <Link href="/store" className="inline-flex min-h-11 items-center text-base font-semibold text-emerald-800 underline">
        ← All orders
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">
            H-{task.orderNumber} · {task.customerFirstName}
          </h1>
          <p className="mt-1 text-lg" aria-live="polite">
            <span className="rounded-full bg-slate-900 px-3 py-1 text-base font-semibold text-white">{STATUS_LABEL[task.status] ?? task.status}</span>{" "}
            {task.itemCount} {task.itemCount === 1 ? "item" : "items"} · {task.pickupMethod === "CURBSIDE" ? "Curbside" : "In store"}
            {task.stagingBin ? ` · Bin ${task.stagingBin}` : ""}
          </p>
          <p className="mt-1 text-base text-slate-700">
            {task.pickupWindow ? `Pickup ${formatSlot(new Date(task.pickupWindow.startsAt), new Date(task.pickupWindow.endsAt), task.timeZone, new Date(now))}` : null}
            {task.promisedReadyAt ? ` · Promised ${formatStoreTime(new Date(task.promisedReadyAt), task.timeZone)}` : null}
          </p>
        </div>
        {open ? <SlaTimer targetAt={task.pickTargetAt} readyAt={task.readyAt} now={now} /> : null}
      </header>

      {task.arrivedAt && task.status === "ready" ? (
        <div role="alert" className="rounded-xl border-2 border-red-500 bg-red-50 p-4 text-lg text-red-900">
          <strong>{task.waitingAtCounter ? "Customer is waiting at the counter" : "Customer is here"}</strong> — waiting {formatElapsed(now - Date.parse(task.arrivedAt))}
          {task.parkingBay ? ` · Bay ${task.parkingBay}` : ""}
          {task.carDescription ? ` · ${task.carDescription}` : ""}
        </div>
      ) : null}
      {/* A ready order is waiting for its customer: the handover comes first. */}
      {task.canHandOver ? <HandoverPanel task={task} canUnlock={canUnlock} onChange={refresh} startOpen={openHandover} /> : null}

      {task.stockAlert && !task.closedAt ? (
        <div role="alert" className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-lg text-amber-950">
          <strong>Stock alert</strong> — {task.stockAlert}
        </div>
      ) : null}

      {task.collectorName && !task.closedAt ? (
        <p role="status" className="rounded-xl border-2 border-violet-300 bg-violet-50 p-4 text-lg text-violet-950">
          <strong>May be collected by {task.collectorName}</strong> — ask for the pickup code as usual.
          {task.holdUntil ? ` Held until ${formatStoreDateTime(new Date(task.holdUntil), task.timeZone)}.` : ""}
        </p>
      ) : null}
      {task.reroutedFrom && !task.closedAt ? (
        <p role="status" className="rounded-xl border-2 border-sky-300 bg-sky-50 p-4 text-lg text-sky-950">
          {task.splitFromNumber ? (
            <>
              <strong>
                Split from {formatOrderNumber(task.splitFromNumber)} at {task.reroutedFrom}
              </strong>{" "}
              — that store could not find these items and carries on with the rest. Pick them here.
            </>
          ) : (
            <>
              <strong>Rerouted from {task.reroutedFrom}</strong> — that store could not fill it. Pick it here.
            </>
          )}
        </p>
      ) : null}
      {task.status === "rejected" ? (
        <p role="status" className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-lg text-amber-950">
          <strong>Rejected</strong> — {task.rejectReason}. It goes to another store, or is canceled, as the retailer chose; put its items back.
        </p>
      ) : null}

      {task.closedAt ? (
        <div role="status" className="rounded-xl border-2 border-slate-300 bg-slate-50 p-4 text-lg">
          <strong>{task.status === "picked_up" ? "Handed over" : task.status === "no_show" ? "Not collected (no-show)" : "Canceled"}</strong> at{" "}
          {formatStoreTime(new Date(task.closedAt), task.timeZone)}.{" "}
          <Link href="/store" className="font-semibold text-emerald-800 underline">
            All orders
          </Link>
        </div>
      ) : null}

      {task.status === "new" ? <StartPickingButton orderNumber={task.orderNumber} onDone={refresh} /> : null}
      <PickList task={task} onChange={refresh} />
      {task.canReject ? <RejectAtStore orderNumber={task.orderNumber} onDone={refresh} /> : null}
      {open ? <CancelAtStore orderNumber={task.orderNumber} onDone={refresh} /> : null}
    </div>
  );
}
