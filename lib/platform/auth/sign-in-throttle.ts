import type { Db } from "@/lib/platform/db/prisma";

/** How failed sign-ins slow down, then lock: per account (the email typed) and, more loosely, per client address. */
export type ThrottleRule = { delayAfter: number; lockAfter: number };
export const ACCOUNT_RULE: ThrottleRule = { delayAfter: 5, lockAfter: 20 };
export const CLIENT_RULE: ThrottleRule = { delayAfter: 20, lockAfter: 100 };
/** Failures older than this are forgotten; a lock lasts as long. */
export const THROTTLE_WINDOW_MINUTES = 15;
const MAX_DELAY_SECONDS = 60;

export type ThrottleKey = { key: string; rule: ThrottleRule };
export type Gate = { allowed: true } | { allowed: false; locked: boolean; retryAfterSeconds: number };

export const accountThrottle = (email: string): ThrottleKey => ({ key: `account:${email.trim().toLowerCase()}`, rule: ACCOUNT_RULE });
export const clientThrottle = (client: string): ThrottleKey => ({ key: `client:${client}`, rule: CLIENT_RULE });

/** The wait after `failures` failures: nothing before the rule's threshold, then 1 s, 2 s, 4 s … up to a minute. */
export function delayAfterFailures(failures: number, rule: ThrottleRule): number {
  return failures < rule.delayAfter ? 0 : Math.min(MAX_DELAY_SECONDS, 2 ** (failures - rule.delayAfter));
}

/** Whether a sign-in may be tried now: not while any key is locked or still in its delay. */
export async function signInGate(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Gate> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) return { allowed: false, locked: true, retryAfterSeconds: Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) };
    if (now.getTime() - row.lastFailureAt.getTime() > THROTTLE_WINDOW_MINUTES * 60_000) continue;
    const rule = keys.find((entry) => entry.key === row.key)!.rule;
    const readyAt = row.lastFailureAt.getTime() + delayAfterFailures(row.failures, rule) * 1000;
    wait = Math.max(wait, Math.ceil((readyAt - now.getTime()) / 1000));
  }
  return wait > 0 ? { allowed: false, locked: false, retryAfterSeconds: wait } : { allowed: true };
}

/**
 * Counts a failure against every key in one statement each (concurrent failures all
 * count); a key reaching its rule's lock threshold is locked for the window. Returns
 * whether this failure locked anything.
 */
export async function recordSignInFailure(db: Db, keys: ThrottleKey[], now = new Date()): Promise<{ locked: boolean }> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const lockUntil = new Date(now.getTime() + THROTTLE_WINDOW_MINUTES * 60_000);
  let locked = false;
  for (const { key, rule } of keys) {
    const [row] = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "lastFailureAt" = ${now}
      RETURNING "failures", "lockedUntil"`;
    if (row && row.failures >= rule.lockAfter && !(row.lockedUntil && row.lockedUntil > now)) {
      await db.signInThrottle.update({ where: { key }, data: { lockedUntil: lockUntil } });
      locked = true;
    }
  }
  return { locked };
}

/** A good password clears the account's count (not the client's: it may be guessing at others). */
export async function clearSignInFailures(db: Db, key: ThrottleKey) {
  await db.signInThrottle.deleteMany({ where: { key: key.key } });
}

/** An admin lifts a lock (or a delay) at once. Returns whether there was one. */
export async function unlockSignIn(db: Db, key: string): Promise<boolean> {
  return (await db.signInThrottle.deleteMany({ where: { key } })).count > 0;
}

/** Accounts and clients locked now, latest first. */
export function lockedSignIns(db: Db, now = new Date()) {
  return db.signInThrottle.findMany({ where: { lockedUntil: { gt: now } }, orderBy: { lastFailureAt: "desc" } });
}
