// What the shopper is told to do, by pickup method: curbside shoppers wait in their car,
// in-store shoppers come to the counter. One place, so no message mixes them up.

export type PickupMethod = "IN_STORE" | "CURBSIDE";

export const pickupName = (method: PickupMethod) => (method === "CURBSIDE" ? "curbside pickup" : "in-store pickup");

/** Once the order is ready: how to collect it. */
export function howToCollect(method: PickupMethod): string {
  return method === "CURBSIDE"
    ? "Park in a marked curbside pickup bay, then tap \u201cI'm here\u201d on your order page and tell us your bay. We'll bring your order out to your car; have your pickup code ready."
    : "Come to the pickup counter and show your pickup code or its QR code. Tap \u201cI'm here\u201d on your order page when you arrive and we'll have it waiting.";
}

/** Before the order is ready: what happens next. */
export function whatHappensNext(method: PickupMethod): string {
  return method === "CURBSIDE"
    ? "We'll tell you when it is ready for pickup. Then park in a curbside pickup bay, tap \u201cI'm here\u201d and we'll bring it out to your car."
    : "We'll tell you when it is ready for pickup. Then come to the pickup counter with your pickup code.";
}

/** After some items were short: where the rest of the order is going. */
export function restOfOrder(method: PickupMethod): string {
  return method === "CURBSIDE"
    ? "The rest of your order is still being prepared for curbside pickup. We'll tell you when it is ready to bring out to your car."
    : "The rest of your order is still being prepared. We'll tell you when it is ready at the pickup counter.";
}
