/** Remembers which store a tablet is working, so "Queue" returns to it. */
export const STORE_COOKIE = "handoff-store";
