import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { MONITOR_JOBS } from "@/lib/monitor/jobs";
import { NOTIFICATION_SYSTEM } from "@/lib/notification/system";
import { OMS_SYSTEM } from "@/lib/oms/system";
import { PLATFORM_JOBS } from "@/lib/platform/jobs";
import type { PeriodicJob } from "@/lib/platform/periodic-job";
import { POS_SYSTEM } from "@/lib/pos/system";
import { STOREFRONT_SYSTEM } from "@/lib/storefront/system";
import { WMS_SYSTEM } from "@/lib/wms/system";

// The one place that knows every built-in system: the composition root the app, the
// worker and the receivers' route read. Nothing inside lib/ imports it.

export const BUILT_IN_SYSTEMS: readonly BuiltInSystem[] = [OMS_SYSTEM, POS_SYSTEM, WMS_SYSTEM, STOREFRONT_SYSTEM, NOTIFICATION_SYSTEM];

/** Every periodic job, for the delivery worker: the systems', the monitor's and the platform's. */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [...MONITOR_JOBS, ...BUILT_IN_SYSTEMS.flatMap((system) => system.jobs), ...PLATFORM_JOBS];
