import { MONITOR_JOBS } from "@/lib/monitor/jobs";
import { NOTIFICATION_JOBS } from "@/lib/notification/jobs";
import { OMS_JOBS } from "@/lib/oms/jobs";
import { PLATFORM_JOBS } from "@/lib/platform/jobs";
import type { PeriodicJob } from "@/lib/platform/periodic-job";

/** Every system's periodic work, for the delivery worker to run: the one place that lists them all. */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [...MONITOR_JOBS, ...OMS_JOBS, ...PLATFORM_JOBS, ...NOTIFICATION_JOBS];
