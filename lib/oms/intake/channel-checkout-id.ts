import { createHash } from "node:crypto";

/**
 * The checkout id a channel order is placed under: a UUID derived from the channel and
 * its order id, so however often the channel sends it, placement makes one order.
 */
export function channelCheckoutId(channel: string, channelOrderId: string): string {
  const hex = createHash("sha256").update(`${channel}:${channelOrderId}`).digest("hex");
  // Shaped as a version 8 (custom) UUID with the RFC 4122 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
