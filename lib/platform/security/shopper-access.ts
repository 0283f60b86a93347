import { pickupCodeFor } from "./pickup-code";
import { readEnv } from "@/lib/platform/env";

/** The shopper's own link and pickup code: what only the shopper, and the layer that messages them, may hold. */
export type ShopperAccess = { orderUrl: string; pickupCode: string };

/** Where shoppers reach the app; links in messages point here. */
export function publicBaseUrl(): string {
  const env = readEnv();
  return (env.HANDOFF_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** The shape every order link's token has; anything else cannot name an order (and is not looked up). */
const ORDER_TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export function isOrderToken(value: unknown): value is string {
  return typeof value === "string" && ORDER_TOKEN.test(value);
}

export function orderPagePath(accessToken: string): string {
  return `/orders/${accessToken}`;
}

export function shopperAccessFor(accessToken: string): ShopperAccess {
  return { orderUrl: `${publicBaseUrl()}${orderPagePath(accessToken)}`, pickupCode: pickupCodeFor(accessToken) };
}
