import type { PeriodicJob } from "@/lib/platform/periodic-job";
import { sendQueuedMessages } from "./send-queued";

export const NOTIFICATION_JOBS: PeriodicJob[] = [{ name: "messages", everyMs: 1_000, firstRun: "start", mode: "inline", run: (db) => sendQueuedMessages(db) }];
