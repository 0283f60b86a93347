export const QUEUE_TABS = ["new", "picking", "ready", "curbside", "done"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
