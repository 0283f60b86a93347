import type { CartHold } from "@/lib/oms/checkout-hold/hold-cart";
import { formatStoreTime } from "@/lib/platform/format/store-time";
import type { HoldChoice } from "./types";

/** A hold as the checkout shows it: "Held for you until 4:12 PM", in the store's zone. */
export function toHoldChoice(hold: CartHold): HoldChoice {
  return { storeId: hold.storeId, expiresAt: hold.expiresAt.toISOString(), untilLabel: formatStoreTime(hold.expiresAt, hold.timeZone) };
}
