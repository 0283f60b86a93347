// Retry schedule for deliveries: quick retries for blips, then hours for outages,
// reaching beyond 24 hours before an event is dead-lettered.
export const RETRY_DELAYS_SECONDS = [5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600] as const;

/** Attempts in all (the first plus one per scheduled retry) before dead-lettering. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

const JITTER = 0.2;
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/**
 * Delay before the next attempt after `attempts` failed ones, with ±20% jitter so a
 * recovering receiver is not hit by every waiting delivery at once. A receiver's
 * Retry-After wins when it asks for longer.
 */
export function nextRetryDelayMs(attempts: number, retryAfterSeconds: number | null = null, random: () => number = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_SECONDS[Math.min(attempts, RETRY_DELAYS_SECONDS.length) - 1] ?? RETRY_DELAYS_SECONDS[0];
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  const asked = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS);
  return Math.round(Math.max(jittered, asked) * 1000);
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** 4xx means the receiver will never accept this payload, except timeouts and throttling. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
