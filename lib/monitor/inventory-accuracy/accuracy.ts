import { formatDuration } from "@/lib/monitor/cascade/format-duration";

/** Seed 003's inventory accuracy rate: share of store items whose sources all agree. */
export const INVENTORY_ACCURACY_TARGET = 0.998;

/** Accurate items over items checked; null when nothing was checked. */
export function accuracyOf(itemsChecked: number, itemsMismatched: number): number | null {
  return itemsChecked === 0 ? null : (itemsChecked - itemsMismatched) / itemsChecked;
}

export function meetsAccuracyTarget(accuracy: number | null): boolean {
  return accuracy !== null && accuracy >= INVENTORY_ACCURACY_TARGET;
}

/** "99.84%": rounded down, so a rate just below the target never reads as on it (the epsilon absorbs float noise). */
export function formatAccuracy(accuracy: number | null): string {
  return accuracy === null ? "—" : `${(Math.floor(accuracy * 10_000 + 1e-9) / 100).toFixed(2)}%`;
}

/** "2026-11-23 14:02 UTC, 3 h 05 min ago": when a run finished, against the database's clock. */
export function describeRunTime(finishedAt: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - finishedAt.getTime()) / 1000));
  return `${finishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${formatDuration(seconds)} ago`;
}
