// What the storefront publishes on the bus: nothing. It shows the shopper what the OMS
// and the WMS announce; the shopper's own requests reach the OMS as calls, not events.
export const STOREFRONT_EVENTS = {} as const;
