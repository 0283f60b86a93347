// Why a line or an order could not be completed at the store (shared with the tablet UI).

export const SHORT_REASONS = ["Not found", "Damaged", "Expired", "Recalled"] as const;
export type ShortReason = (typeof SHORT_REASONS)[number];

export const STORE_CANCEL_REASONS = ["Customer changed their mind", "Damaged", "Not found", "No-show"] as const;
export type StoreCancelReason = (typeof STORE_CANCEL_REASONS)[number];

/** Why a store cannot fill an order at all, as the shopper is told it (the OMS then finds another store). */
export const REJECT_REASONS = ["Items not in stock", "Items damaged", "Store too busy", "Store closing early"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
