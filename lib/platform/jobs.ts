import type { PeriodicJob } from "./periodic-job";
import { pruneRateLimits } from "./security/rate-limit";

export const PLATFORM_JOBS: PeriodicJob[] = [
  { name: "rate limits", everyMs: 60_000, firstRun: "interval", mode: "inline", run: (db) => pruneRateLimits(db) },
];
