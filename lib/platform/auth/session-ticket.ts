import { createHmac, timingSafeEqual } from "node:crypto";
import { getAppSecret } from "@/lib/platform/security/pickup-code";

// The password is checked once, behind the sign-in throttle; Auth.js is then handed the
// session that check opened, with this ticket. Its own credentials endpoint therefore
// cannot be used to guess passwords: without a ticket it opens nothing.

export function sessionTicket(sessionId: string): string {
  return createHmac("sha256", getAppSecret()).update(`staff-session:${sessionId}`).digest("base64url");
}

export function verifySessionTicket(sessionId: string, ticket: string): boolean {
  const expected = Buffer.from(sessionTicket(sessionId));
  const given = Buffer.from(ticket);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
