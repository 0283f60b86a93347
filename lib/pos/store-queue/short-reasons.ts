// Why a line or an order could not be completed at the store (shared with the tablet UI).

export const SHORT_REASONS = ["Not found", "Damaged", "Expired", "Recalled"] as const;
export type ShortReason = (typeof SHORT_REASONS)[number];

export const STORE_CANCEL_REASONS = ["Customer changed their mind", "Damaged", "Not found", "No-show"] as const;
export type StoreCancelReason = (typeof STORE_CANCEL_REASONS)[number];
