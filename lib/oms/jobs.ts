import type { PeriodicJob } from "@/lib/platform/periodic-job";
import { drainIntakeQueue } from "./intake/intake-queue";
import { expireNoShows, sendPickupReminders } from "./orders/no-show";
import { expireStoreOffers } from "./reroute/answer-store-offer";
import { resumeDueStores } from "./stores/resume-store";
import { expireCheckoutHolds } from "./checkout-hold/expire-holds";
import { escalateLateOrders } from "./late/escalate-late-orders";

export const OMS_JOBS: PeriodicJob[] = [
  // Channel orders queued above their rate, placed beside deliveries; a full batch means more are waiting.
  { name: "intake", everyMs: 250, firstRun: "start", mode: "background", run: (db) => drainIntakeQueue(db), moreToDo: (handled) => (handled as number) > 0 },
  // Checkout holds left to run out: their units are offered again.
  { name: "checkout holds", everyMs: 15_000, firstRun: "start", mode: "inline", run: (db) => expireCheckoutHolds(db) },
  // Orders running late at their store: raised once per kind.
  { name: "late orders", everyMs: 30_000, firstRun: "start", mode: "inline", run: (db) => escalateLateOrders(db) },
  // Pickup reminders due and holds that have run out.
  {
    name: "holds",
    everyMs: 30_000,
    firstRun: "start",
    mode: "inline",
    run: async (db) => {
      await sendPickupReminders(db);
      await expireNoShows(db);
      await expireStoreOffers(db);
      await resumeDueStores(db);
    },
  },
];
