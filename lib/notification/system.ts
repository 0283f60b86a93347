import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { applyNotificationEvent } from "./apply-event";
import { NOTIFICATION_JOBS } from "./jobs";
import { sendQueuedSoon } from "./send-queued";

export const NOTIFICATION_SYSTEM: BuiltInSystem = {
  name: "NOTIFICATION",
  // It sends what it just queued; the periodic sweep picks up anything left.
  receiver: { slug: "notification", apply: applyNotificationEvent, afterApplied: sendQueuedSoon },
  jobs: NOTIFICATION_JOBS,
};
