// What the notification layer publishes on the bus: nothing. What it sent is its own
// record (NotificationMessage), read by reconciliation and the cascade view.
export const NOTIFICATION_EVENTS = {} as const;
