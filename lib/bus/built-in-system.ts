import type { SystemName } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/platform/db/prisma";
import type { PeriodicJob } from "@/lib/platform/periodic-job";
import type { EventHandler } from "./receive-event";

/**
 * What a built-in system offers the rest of Handoff, declared in its own system.ts (its
 * entry file): its receiver on the bus and its periodic work. Everything else it keeps.
 */
export type BuiltInSystem = {
  name: SystemName;
  /** Where the bus delivers to it (POST /api/v1/systems/{slug}/events), and what it does with an event. */
  receiver?: {
    slug: string;
    apply: EventHandler;
    /** Work to do at once after an applied event, rather than at the next periodic run. */
    afterApplied?: (db: Db) => Promise<unknown>;
  };
  jobs: readonly PeriodicJob[];
};
