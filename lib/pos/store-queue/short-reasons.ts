// Why a line or an order could not be completed at the store (shared with the tablet UI).

import { SHORT_REASON_EFFECTS } from "@/lib/oms/events";

/** The reasons a line can be short, each with what the OMS then does to the store's stock (shown before confirming). */
export const SHORT_REASONS = Object.keys(SHORT_REASON_EFFECTS) as (keyof typeof SHORT_REASON_EFFECTS)[];
export const shortReasonEffect = (reason: string) => (Object.hasOwn(SHORT_REASON_EFFECTS, reason) ? SHORT_REASON_EFFECTS[reason as keyof typeof SHORT_REASON_EFFECTS].describe : null);
export type ShortReason = (typeof SHORT_REASONS)[number];

export const STORE_CANCEL_REASONS = ["Customer changed their mind", "Damaged", "Not found", "No-show"] as const;
export type StoreCancelReason = (typeof STORE_CANCEL_REASONS)[number];

/** Why a store cannot fill an order at all, as the shopper is told it (the OMS then finds another store). */
export const REJECT_REASONS = ["Items not in stock", "Items damaged", "Store too busy", "Store closing early"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
