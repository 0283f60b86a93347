"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { pauseStoreAction, resumeStoreAction, setStoreCapsAction } from "@/app/(store)/store/actions";
import { formatStoreDateTime } from "@/lib/platform/format/store-time";
import { ActionMessage, useStoreAction } from "./store-action";
import type { CapacityChangeView } from "@/lib/oms/stores/recent-capacity-changes";

/** One audited change, as the panel lists it: "Paused — Staff shortage, until 6:12 PM". */
function describeChange(change: CapacityChangeView, timeZone: string): string {
  if (change.action === "PAUSED") return `Paused${change.reason ? ` — ${change.reason}` : ""}${change.pausedUntil ? `, until ${formatStoreDateTime(new Date(change.pausedUntil), timeZone)}` : ", until resumed"}`;
  if (change.action === "RESUMED") return "Resumed";
  const daily = change.dailyOrderCap === null ? "no daily cap" : `at most ${change.dailyOrderCap} a day`;
  const concurrent = change.concurrentOrderCap === null ? "no cap in hand" : `at most ${change.concurrentOrderCap} in hand at once`;
  const target = change.startTargetMinutes === null ? "" : `, late if not started within ${change.startTargetMinutes} ${change.startTargetMinutes === 1 ? "minute" : "minutes"}`;
  return `Limits saved: ${daily}, ${concurrent}${target}`;
}

export type StoreCapacityView = {
  code: string;
  name: string;
  timeZone: string;
  paused: boolean;
  pausedUntil: string | null;
  pauseReason: string | null;
  dailyOrderCap: number | null;
  concurrentOrderCap: number | null;
  /** Minutes within which the store starts each order; later, it is late. */
  startTargetMinutes: number;
  /** Its latest pauses, resumes and cap changes, newest first. */
  recentChanges: CapacityChangeView[];
};

const RESUME_AFTER = [
  { minutes: 30, label: "in 30 minutes" },
  { minutes: 60, label: "in 1 hour" },
  { minutes: 120, label: "in 2 hours" },
  { minutes: 240, label: "in 4 hours" },
  { minutes: 0, label: "when I resume them" },
] as const;

/** Whether the store takes pickup orders, and for a store manager: pause, resume, and the store's caps. */
export function StoreCapacityPanel({ store, canManage }: { store: StoreCapacityView; canManage: boolean }) {
  const router = useRouter();
  const refresh = () => router.refresh();
  const pause = useStoreAction(pauseStoreAction, refresh);
  const resume = useStoreAction(resumeStoreAction, refresh);
  const caps = useStoreAction(setStoreCapsAction, refresh);
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState("60");
  const [daily, setDaily] = useState(store.dailyOrderCap?.toString() ?? "");
  const [concurrent, setConcurrent] = useState(store.concurrentOrderCap?.toString() ?? "");
  const [startTarget, setStartTarget] = useState(store.startTargetMinutes.toString());
  const ids = { reason: useId(), resume: useId(), daily: useId(), concurrent: useId(), startTarget: useId() };
  const field = "mt-1 block min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 text-lg";
  return (
    <section aria-labelledby="capacity-heading" className={`rounded-xl border-2 p-4 ${store.paused ? "border-amber-500 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <h2 id="capacity-heading" className="text-xl font-semibold">
        Pickup orders
      </h2>
      <p role="status" className="mt-1 text-lg">
        {store.paused ? (
          <>
            <strong>Paused</strong>
            {store.pauseReason ? ` — ${store.pauseReason}` : ""}
            {store.pausedUntil ? `. Resumes ${formatStoreDateTime(new Date(store.pausedUntil), store.timeZone)}.` : ". Resumes when a manager resumes them."} Shoppers see
            &quot;Not taking pickup orders right now&quot;.
          </>
        ) : (
          <>
            <strong>Taking pickup orders</strong>
            {store.dailyOrderCap !== null ? ` · at most ${store.dailyOrderCap} a day` : ""}
            {store.concurrentOrderCap !== null ? ` · at most ${store.concurrentOrderCap} in hand at once` : ""}
          </>
        )}
      </p>
      {canManage ? (
        <div className="mt-3 space-y-4">
          {store.paused ? (
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" onClick={() => resume.mutate({ storeCode: store.code })} disabled={resume.isPending} className="min-h-12 rounded-lg bg-emerald-700 px-5 text-lg font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
                Resume pickup orders
              </button>
              <ActionMessage result={resume.data} />
            </div>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                pause.mutate({ storeCode: store.code, reason, minutes });
              }}
              className="flex flex-wrap items-end gap-3"
            >
              <div>
                <label htmlFor={ids.reason} className="block text-base font-medium">
                  Pause reason
                </label>
                <input id={ids.reason} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={120} placeholder="Staff shortage" className={field} />
              </div>
              <div>
                <label htmlFor={ids.resume} className="block text-base font-medium">
                  Resume
                </label>
                <select id={ids.resume} value={minutes} onChange={(event) => setMinutes(event.target.value)} className={field}>
                  {RESUME_AFTER.map((option) => (
                    <option key={option.minutes} value={option.minutes}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" disabled={pause.isPending} className="min-h-12 rounded-lg border-2 border-amber-600 px-5 text-lg font-semibold text-amber-800 hover:bg-amber-50 disabled:opacity-60">
                Pause pickup orders
              </button>
              <ActionMessage result={pause.data} />
            </form>
          )}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              caps.mutate({ storeCode: store.code, dailyOrderCap: daily, concurrentOrderCap: concurrent, startTargetMinutes: startTarget });
            }}
            className="flex flex-wrap items-end gap-3"
          >
            <div>
              <label htmlFor={ids.daily} className="block text-base font-medium">
                Most orders a day
              </label>
              <input id={ids.daily} inputMode="numeric" value={daily} onChange={(event) => setDaily(event.target.value)} placeholder="No cap" className={`${field} w-36`} />
            </div>
            <div>
              <label htmlFor={ids.concurrent} className="block text-base font-medium">
                Most orders in hand at once
              </label>
              <input id={ids.concurrent} inputMode="numeric" value={concurrent} onChange={(event) => setConcurrent(event.target.value)} placeholder="No cap" className={`${field} w-36`} />
            </div>
            <div>
              <label htmlFor={ids.startTarget} className="block text-base font-medium">
                Late if not started within (minutes)
              </label>
              <input id={ids.startTarget} inputMode="numeric" value={startTarget} onChange={(event) => setStartTarget(event.target.value)} className={`${field} w-36`} />
            </div>
            <button type="submit" disabled={caps.isPending} className="min-h-12 rounded-lg border-2 border-slate-500 px-5 text-lg font-semibold hover:bg-slate-50 disabled:opacity-60">
              Save limits
            </button>
            <ActionMessage result={caps.data} />
          </form>
        </div>
      ) : null}
      {store.recentChanges.length > 0 ? (
        <details className="mt-3 text-base">
          <summary className="cursor-pointer font-medium">Recent changes</summary>
          <ul aria-label="Recent changes" className="mt-1 space-y-0.5">
            {store.recentChanges.map((change) => (
              <li key={change.id}>
                {formatStoreDateTime(new Date(change.at), store.timeZone)} · {change.by}: {describeChange(change, store.timeZone)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
