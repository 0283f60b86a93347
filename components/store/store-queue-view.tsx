"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { fetchView } from "@/lib/platform/http/fetch-view";
import type { QueueCard as QueueCardData, StoreQueue } from "@/lib/pos/store-queue/queue";
import { QUEUE_TABS, type QueueTab } from "@/lib/pos/store-queue/queue-tabs";
import { rememberStore } from "./remember-store";
import { QueueCard } from "./queue-card";
import { LateAlert } from "./late-alert";
import { useTickingClock } from "./ticking-clock";

/** New orders and curbside arrivals must show within 5 seconds without a reload. */
const REFRESH_MS = 2_500;

const TAB_LABELS: Record<QueueTab, string> = { new: "New", picking: "Picking", ready: "Ready", curbside: "Curbside", done: "Done today" };

type Props = { store: { code: string; name: string; timeZone: string }; initialQueue: StoreQueue };

type WaitingAlertProps = { cards: QueueCardData[]; where: string; describe(card: QueueCardData): string; show: { label: string; onClick(): void } | null };

/** Customers waiting now (at the curb, or at the counter), above the tabs, with a way to their tab. */
function WaitingAlert({ cards, where, describe, show }: WaitingAlertProps) {
  if (cards.length === 0) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border-2 border-red-500 bg-red-50 p-4 text-red-900">
      <p className="text-xl font-bold">
        {cards.length === 1 ? `A customer is waiting${where}` : `${cards.length} customers are waiting${where}`}: {cards.map(describe).join(", ")}
      </p>
      {show ? (
        <button type="button" onClick={show.onClick} className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800">
          {show.label}
        </button>
      ) : null}
    </div>
  );
}

/** The associate's live queue: tabs by stage, each ordered by promised time. */
export function StoreQueueView({ store, initialQueue }: Props) {
  const { data, isError } = useQuery({
    queryKey: ["store-queue", store.code],
    queryFn: () => fetchView<StoreQueue>(`/store/queue/${encodeURIComponent(store.code)}`),
    initialData: initialQueue,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  const queue = data ?? initialQueue;
  const now = useTickingClock(initialQueue.generatedAt);
  const [selected, setSelected] = useState<QueueTab>("new");
  const tabRefs = useRef<Record<QueueTab, HTMLButtonElement | null>>({ new: null, picking: null, ready: null, curbside: null, done: null });
  const waiting = queue.tabs.curbside;
  const atCounter = queue.tabs.ready.filter((card) => card.waitingAtCounter);

  // The tablet stays on this store when it comes back to the queue from an order.
  useEffect(() => rememberStore(store.code), [store.code]);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onTabKey = (event: React.KeyboardEvent, tab: QueueTab) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = QUEUE_TABS[(QUEUE_TABS.indexOf(tab) + step + QUEUE_TABS.length) % QUEUE_TABS.length]!;
    setSelected(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="space-y-4">
      <WaitingAlert
        cards={waiting}
        where=""
        describe={(card) => `H-${card.orderNumber}${card.parkingBay ? ` (bay ${card.parkingBay})` : ""}`}
        show={selected !== "curbside" ? { label: "Show curbside", onClick: () => setSelected("curbside") } : null}
      />
      <WaitingAlert
        cards={atCounter}
        where=" at the counter"
        describe={(card) => `H-${card.orderNumber}`}
        show={selected !== "ready" ? { label: "Show ready", onClick: () => setSelected("ready") } : null}
      />
      <LateAlert cards={[...queue.tabs.new, ...queue.tabs.picking]} onShow={selected !== "new" && queue.tabs.new.some((card) => card.lateAlert) ? () => setSelected("new") : null} />
      {isError ? <p className="text-base text-amber-800">Reconnecting… the queue below may be out of date.</p> : null}

      <div role="tablist" aria-label="Orders by stage" className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {QUEUE_TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabRefs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-selected={selected === tab}
            aria-controls={`panel-${tab}`}
            tabIndex={selected === tab ? 0 : -1}
            onClick={() => setSelected(tab)}
            onKeyDown={(event) => onTabKey(event, tab)}
            className={`flex min-h-12 items-center gap-2 rounded-lg px-5 text-lg font-semibold ${
              selected === tab ? "bg-emerald-800 text-white" : "bg-slate-100 text-slate-900 hover:bg-slate-200"
            } ${tab === "curbside" && waiting.length > 0 && selected !== tab ? "ring-2 ring-red-500" : ""}`}
          >
            {TAB_LABELS[tab]}
            <span aria-hidden="true" className={`rounded-full px-2 text-base ${selected === tab ? "bg-emerald-600" : "bg-white"}`}>
              {queue.tabs[tab].length}
            </span>
          </button>
        ))}
      </div>

      {QUEUE_TABS.map((tab) => (
        <section key={tab} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} hidden={selected !== tab} tabIndex={0}>
          <p className="mb-3 text-base text-slate-600">
            {queue.tabs[tab].length === 0 ? `No orders in ${TAB_LABELS[tab].toLowerCase()}.` : `${queue.tabs[tab].length} ${queue.tabs[tab].length === 1 ? "order" : "orders"}`}
          </p>
          <ul className="grid gap-3 md:grid-cols-2">
            {queue.tabs[tab].map((card) => (
              <QueueCard key={card.orderNumber} card={card} tab={tab} timeZone={store.timeZone} now={now} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
