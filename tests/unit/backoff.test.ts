import { describe, expect, it } from "vitest";
import { isRetryableStatus, MAX_ATTEMPTS, nextRetryDelayMs, parseRetryAfter, RETRY_DELAYS_SECONDS } from "@/lib/bus/backoff";

describe("delivery retries", () => {
  it("back off exponentially from seconds to a day, and give up after the schedule", () => {
    const middle = () => 0.5; // no jitter
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => nextRetryDelayMs(i + 1, null, middle));
    expect(delays).toEqual([...RETRY_DELAYS_SECONDS.map((s) => s * 1000), null]);
    for (let i = 1; i < RETRY_DELAYS_SECONDS.length; i++) expect(RETRY_DELAYS_SECONDS[i]!).toBeGreaterThan(RETRY_DELAYS_SECONDS[i - 1]!);
  });

  it("keep retrying for more than 24 hours in all", () => {
    const total = RETRY_DELAYS_SECONDS.reduce((sum, s) => sum + s, 0);
    expect(total * 0.8).toBeGreaterThan(24 * 3600);
  });

  it("spread retries by ±20% jitter", () => {
    expect(nextRetryDelayMs(1, null, () => 0)).toBe(4000);
    expect(nextRetryDelayMs(1, null, () => 1)).toBe(6000);
  });

  it("wait at least as long as Retry-After asks, up to a day", () => {
    expect(nextRetryDelayMs(1, 120, () => 0.5)).toBe(120_000);
    expect(nextRetryDelayMs(1, 2, () => 0.5)).toBe(5_000);
    expect(nextRetryDelayMs(1, 10 * 86_400, () => 0.5)).toBe(86_400_000);
  });

  it("read Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("Mon, 23 Nov 2026 12:01:00 GMT", now)).toBe(60);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("retry server errors, timeouts and throttling, never other client errors", () => {
    expect([500, 502, 503, 408, 429].map(isRetryableStatus)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 409, 422].map(isRetryableStatus)).toEqual([false, false, false, false, false, false]);
  });
});
