import type { Role } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/platform/db/prisma";
import { sessionTicket } from "./session-ticket";
import { accountThrottle, clearSignInFailures, clientThrottle, recordSignInFailure, signInGate } from "./sign-in-throttle";
import { openStaffSession } from "./staff-session";
import { verifyCredentials } from "./verify-credentials";

export type AuthenticationResult =
  | { ok: true; staff: { id: string; role: Role }; sessionId: string; ticket: string }
  | { ok: false; message: string };

const WRONG = "Wrong email or password.";

/**
 * Staff sign-in, behind the throttle: refused while the account or the client address is
 * locked or in its delay, otherwise the password is checked (as slowly for an unknown
 * email as for a known one), a failure is counted against both, and a success opens a
 * session. Every attempt is audited. The answers never say whether the account exists.
 */
export async function authenticateStaff(db: Db, credentials: { email: string; password: string }, client: string, now = new Date()): Promise<AuthenticationResult> {
  const keys = [accountThrottle(credentials.email), clientThrottle(client)];
  const audit = (outcome: string) => db.signInAudit.create({ data: { email: credentials.email.slice(0, 320), client, outcome, occurredAt: now } });
  const gate = await signInGate(db, keys, now);
  if (!gate.allowed) {
    await audit("throttled");
    return { ok: false, message: gate.locked ? lockedMessage(gate.retryAfterSeconds) : `Too many failed sign-ins. Wait ${gate.retryAfterSeconds} ${gate.retryAfterSeconds === 1 ? "second" : "seconds"} and try again.` };
  }
  const identity = await verifyCredentials(db, credentials);
  if (!identity) {
    const { locked } = await recordSignInFailure(db, keys, now);
    await audit(locked ? "locked" : "wrong_password");
    return { ok: false, message: locked ? lockedMessage(15 * 60) : WRONG };
  }
  await clearSignInFailures(db, keys[0]!);
  const session = await openStaffSession(db, identity, now);
  await audit("signed_in");
  return { ok: true, staff: { id: identity.id, role: identity.role }, sessionId: session.id, ticket: sessionTicket(session.id) };
}

function lockedMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed sign-ins: sign-in is locked for ${minutes} more ${minutes === 1 ? "minute" : "minutes"}. An admin can unlock it sooner.`;
}
