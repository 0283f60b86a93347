import { createHmac, randomBytes } from "node:crypto";
import { getAppSecret } from "@/lib/platform/security/pickup-code";

/** The cookie that tells one shopper's browser from another's, set on the first page it opens (proxy.ts). */
export const BROWSER_COOKIE = "handoff_browser";

export const newBrowserId = () => randomBytes(24).toString("base64url");

/** What the order keeps of the placing browser: a keyed hash, so the database alone cannot impersonate it. */
export function browserHash(cookieValue: string | undefined): string | null {
  if (!cookieValue || !/^[A-Za-z0-9_-]{20,64}$/.test(cookieValue)) return null;
  return createHmac("sha256", getAppSecret()).update(`checkout-browser:${cookieValue}`).digest("hex");
}

/**
 * A checkout submitted again returns its order, but only to the browser that placed it:
 * anyone else holding the form's id would otherwise be handed that shopper's order link
 * (and so the pickup code).
 */
export function mayReturnPlacedOrder(placed: { alreadyPlaced: boolean; placedByBrowser: string | null }, browser: string | null): boolean {
  return !placed.alreadyPlaced || (placed.placedByBrowser !== null && placed.placedByBrowser === browser);
}
