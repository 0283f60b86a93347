import { isIP } from "node:net";

// The address a request came from, decided once where the socket is visible (the app's own
// HTTP server) and passed on as the only X-Forwarded-For entry: whatever a client wrote
// there itself is not believed, unless it came through a proxy the operator said to trust.

/** "::ffff:127.0.0.1" is 127.0.0.1 reached over IPv6. */
function plain(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address: the socket's own with no trusted proxy in front; behind
 * `trustedProxies` of them, the entry the outermost trusted one appended (the chain read
 * from the right), or the leftmost when the chain is shorter than that.
 */
export function clientAddressOf(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const socket = plain(socketAddress ?? "unknown");
  if (trustedProxies <= 0) return socket;
  const chain = [...[forwardedFor ?? []].flat().flatMap((value) => value.split(",")).map((entry) => entry.trim()).filter(Boolean), socket];
  const client = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return isIP(plain(client)) ? plain(client) : "unknown";
}

export function isLoopback(address: string): boolean {
  const ip = plain(address);
  return ip === "::1" || (isIP(ip) === 4 && ip.startsWith("127."));
}
