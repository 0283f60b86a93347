import { pickupCodeFor } from "./pickup-code";

/** The shopper's own link and pickup code: what only the shopper, and the layer that messages them, may hold. */
export type ShopperAccess = { orderUrl: string; pickupCode: string };

/** Where shoppers reach the app; links in messages point here. */
export function publicBaseUrl(): string {
  return (process.env.HANDOFF_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export function orderPagePath(accessToken: string): string {
  return `/orders/${accessToken}`;
}

export function shopperAccessFor(accessToken: string): ShopperAccess {
  return { orderUrl: `${publicBaseUrl()}${orderPagePath(accessToken)}`, pickupCode: pickupCodeFor(accessToken) };
}
