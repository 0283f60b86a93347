import type { Db } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { readEnv } from "@/lib/platform/env";

/** A session unused for this long ends: an unattended tablet or laptop does not stay signed in. */
export const STAFF_IDLE_MINUTES = readEnv().HANDOFF_STAFF_IDLE_MINUTES;
/** How fresh a session must be for Auth.js to take it over from the sign-in that opened it. */
const HANDOFF_SECONDS = 120;
/** lastSeenAt is written at most this often, not on every poll of the queue. */
const TOUCH_SECONDS = 60;

export async function openStaffSession(db: Db, user: { id: string; role: Role }, now = new Date()) {
  return db.staffSession.create({ data: { userId: user.id, role: user.role, createdAt: now, lastSeenAt: now } });
}

/** For Auth.js's authorize: the session a sign-in just opened, once. */
export async function sessionToHandOver(db: Db, sessionId: string, now = new Date()) {
  const session = await db.staffSession.findUnique({ where: { id: sessionId }, include: { user: { select: { id: true, email: true, name: true, role: true } } } });
  if (!session || session.endedAt || now.getTime() - session.createdAt.getTime() > HANDOFF_SECONDS * 1000) return null;
  return session;
}

export type LiveSession = { id: string; userId: string };

/**
 * Whether a session still stands for this user with this role: not signed out, not idle
 * past the timeout, the role unchanged since sign-in. One that no longer stands is ended
 * with the reason; one that stands is touched.
 */
export async function resolveStaffSession(db: Db, sessionId: string, user: { id: string; role: Role }, now = new Date()): Promise<boolean> {
  const session = await db.staffSession.findUnique({ where: { id: sessionId } });
  if (!session || session.userId !== user.id || session.endedAt) return false;
  const idle = now.getTime() - session.lastSeenAt.getTime() > STAFF_IDLE_MINUTES * 60_000;
  const reason = idle ? "idle" : session.role !== user.role ? "role changed" : null;
  if (reason) {
    await endStaffSession(db, session.id, reason, now);
    return false;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_SECONDS * 1000) {
    await db.staffSession.updateMany({ where: { id: session.id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

export async function endStaffSession(db: Db, sessionId: string, reason: string, now = new Date()) {
  await db.staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}
