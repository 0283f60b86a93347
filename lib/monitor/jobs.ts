import type { PeriodicJob } from "@/lib/platform/periodic-job";
import { mergeDeliveredStepBuckets, pruneDeliveredStepBuckets } from "./cascade/node-health";
import { reconcileOnSchedule, RECONCILE_EVERY_MINUTES } from "./cascade/reconcile-schedule";
import { INVENTORY_ACCURACY_EVERY_HOURS, INVENTORY_ACCURACY_POLL_MS, inventoryAccuracyOnSchedule } from "./inventory-accuracy/inventory-accuracy-schedule";
import { continueRejudge } from "./observations/rejudge-watched-orders";
import { rejudgeDueWatchedOrders } from "./observations/judge-watched-orders";
import { pruneObservations } from "./observations/prune-observations";
import { ALERT_CHECK_MS, checkAlerts } from "./operations/check-alerts";
import { pruneHistory } from "./retention/prune-history";

export const MONITOR_JOBS: PeriodicJob[] = [
  // In the background: a long run must not hold up deliveries.
  { name: "reconciliation", everyMs: RECONCILE_EVERY_MINUTES * 60_000, firstRun: "interval", mode: "background", run: (db) => reconcileOnSchedule(db) },
  // The database's last scheduled run decides whether an accuracy check is due; the worker only asks.
  {
    name: "inventory accuracy",
    everyMs: INVENTORY_ACCURACY_EVERY_HOURS > 0 ? INVENTORY_ACCURACY_POLL_MS : 0,
    firstRun: "interval",
    mode: "background",
    run: (db) => inventoryAccuracyOnSchedule(db),
  },
  // Watched orders in flight whose next deadline passed: silence becomes a failure without a new line.
  // Also finishes judging every watched order again after a vocabulary change, a few seconds' work per run.
  {
    name: "watched orders",
    everyMs: 10_000,
    firstRun: "start",
    mode: "background",
    run: async (db) => {
      await rejudgeDueWatchedOrders(db);
      await continueRejudge(db, 5_000);
    },
  },
  { name: "observation retention", everyMs: 3_600_000, firstRun: "interval", mode: "background", run: (db) => pruneObservations(db) },
  { name: "history retention", everyMs: 3_600_000, firstRun: "interval", mode: "background", run: (db) => pruneHistory(db) },
  { name: "alerts", everyMs: ALERT_CHECK_MS, firstRun: "interval", mode: "inline", run: (db) => checkAlerts(db) },
  {
    name: "delivered-step buckets",
    everyMs: ALERT_CHECK_MS,
    firstRun: "interval",
    mode: "inline",
    run: async (db) => {
      await mergeDeliveredStepBuckets(db);
      await pruneDeliveredStepBuckets(db);
    },
  },
];
