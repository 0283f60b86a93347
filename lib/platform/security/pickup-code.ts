import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readEnv } from "@/lib/platform/env";

// A pickup code is derived from the order's secret link with the app secret, so the
// holder of the link can always be shown it, while the database keeps only a keyed
// hash: a copy of the database alone reveals no codes.

const CODE_DIGITS = 6;

export function getAppSecret(): string {
  const secret = readEnv().HANDOFF_SECRET;
  if (!secret || secret.length < 32) throw new Error("HANDOFF_SECRET is not set (at least 32 characters).");
  return secret;
}

export function newAccessToken(): string {
  return randomBytes(24).toString("base64url");
}

export function pickupCodeFor(accessToken: string, secret = getAppSecret()): string {
  const digest = createHmac("sha256", secret).update(`pickup-code:${accessToken}`).digest();
  return String(digest.readUInt32BE(0) % 10 ** CODE_DIGITS).padStart(CODE_DIGITS, "0");
}

export function hashPickupCode(orderId: string, code: string, secret = getAppSecret()): string {
  return createHmac("sha256", secret).update(`pickup-hash:${orderId}:${code}`).digest("hex");
}

export function verifyPickupCode(orderId: string, code: string, hash: string, secret = getAppSecret()): boolean {
  const candidate = Buffer.from(hashPickupCode(orderId, code.replace(/\s/g, ""), secret), "hex");
  const stored = Buffer.from(hash, "hex");
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
