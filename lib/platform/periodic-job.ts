import type { Db } from "@/lib/platform/db/prisma";

/**
 * Work a system wants done on a clock, run by the delivery worker beside its deliveries.
 * Each system lists its own (its jobs.ts); the worker imports none of them.
 */
export type PeriodicJob = {
  name: string;
  /** How often it runs; 0 turns it off. */
  everyMs: number;
  /** "start": at once when the worker starts; "interval": first one interval after it. */
  firstRun: "start" | "interval";
  /** "inline": the worker's loop waits for it; "background": it runs beside deliveries, one run at a time. */
  mode: "inline" | "background";
  run(db: Db): Promise<unknown>;
  /** Whether a run's result means there is more to do now (the worker looks again at once). */
  moreToDo?(result: unknown): boolean;
};

/**
 * Since when a scheduled run counts as this interval's: a run started after this instant
 * means the next is not due yet. The interval less a little slack (half a minute, or half a
 * short interval) so a worker polling a moment early still finds the last run.
 */
export function intervalStartedAfter(now: Date, everyMs: number): Date {
  return new Date(now.getTime() - (everyMs - Math.min(30_000, everyMs / 2)));
}
