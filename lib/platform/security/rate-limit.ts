import type { Db } from "@/lib/platform/db/prisma";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one request against `key` in the current fixed window and says whether it is
 * within the limit. The count lives in the database, so every app server shares it.
 */
export async function takeRateLimit(db: Db, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  const allowed = (row?.count ?? 1) <= rule.limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000) };
}

/** Drops windows that ended long ago (the worker calls it now and then). */
export async function pruneRateLimits(db: Db, now = new Date(), keepHours = 24) {
  return db.rateLimitHit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - keepHours * 3_600_000) } } });
}

/**
 * Who is asking: the app's HTTP server (scripts/serve.ts) puts the address it decided on
 * as the only X-Forwarded-For entry, so nothing a client wrote itself is read here.
 */
export function clientAddress(headers: Headers): string {
  return (headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown").slice(0, 64);
}
