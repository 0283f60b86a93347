/** One labelled bar per row, scaled to the largest value, with an optional target line. */
export type Bar = { key: string; label: string; value: number | null; display: string; bad?: boolean };

export function BarList({ bars, max, target, targetLabel, emptyText = "No data in this period." }: { bars: Bar[]; max?: number; target?: number; targetLabel?: string; emptyText?: string }) {
  const top = Math.max(max ?? 0, target ?? 0, ...bars.map((bar) => bar.value ?? 0), Number.EPSILON);
  if (bars.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="space-y-2">
      {bars.map((bar) => (
        <li key={bar.key} className="grid grid-cols-[minmax(6rem,10rem)_1fr_minmax(6rem,11rem)] items-center gap-3 text-sm">
          <span className="truncate font-medium" title={bar.label}>
            {bar.label}
          </span>
          <span aria-hidden="true" className="relative h-3 rounded-full bg-slate-100">
            <span className={`block h-3 rounded-full ${bar.bad ? "bg-red-500" : "bg-brand-600"}`} style={{ width: `${((bar.value ?? 0) / top) * 100}%` }} />
            {target !== undefined ? <span className="absolute -top-1 h-5 w-0.5 bg-slate-800" style={{ left: `${(target / top) * 100}%` }} title={targetLabel} /> : null}
          </span>
          <span className={`tabular-nums ${bar.bad ? "font-semibold text-red-700" : ""}`}>{bar.display}</span>
        </li>
      ))}
    </ul>
  );
}
