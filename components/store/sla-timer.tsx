import { formatCountdown, slaState, type SlaState } from "@/lib/pos/store-queue/sla";

const STYLE: Record<SlaState, string> = {
  on_track: "border-emerald-300 bg-emerald-50 text-emerald-900",
  near: "border-amber-400 bg-amber-100 text-amber-950",
  over: "border-red-500 bg-red-100 text-red-900",
  met: "border-emerald-300 bg-emerald-50 text-emerald-900",
  missed: "border-red-300 bg-red-50 text-red-900",
};

const LABEL: Record<SlaState, string> = { on_track: "On track", near: "Due soon", over: "Late", met: "Ready on time", missed: "Ready late" };

/** The pick-to-ready clock: green, amber when near the target, red when over it. */
export function SlaTimer({ targetAt, readyAt, now }: { targetAt: string | null; readyAt: string | null; now: number }) {
  if (!targetAt) return null;
  const target = new Date(targetAt);
  const state = slaState(target, new Date(now), readyAt ? new Date(readyAt) : null);
  const running = state === "on_track" || state === "near" || state === "over";
  return (
    <span data-sla={state} title="Time from placement to ready, against the store's pick target" className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-base font-semibold tabular-nums ${STYLE[state]}`}>
      <span className="font-normal">Pick-to-ready</span>
      <span>{LABEL[state]}</span>
      {running ? <span>{formatCountdown(target.getTime() - now)}</span> : null}
    </span>
  );
}
