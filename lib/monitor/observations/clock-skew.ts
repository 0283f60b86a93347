import { readEnv } from "@/lib/platform/env";

/** How far a watched stack's clocks may disagree with each other and with ours. */
export const CLOCK_SKEW_MS = readEnv().HANDOFF_WATCH_CLOCK_SKEW_SECONDS * 1000;
