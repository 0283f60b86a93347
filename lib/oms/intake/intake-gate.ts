import type { OrderChannel } from "@/lib/generated/prisma/enums";
import { readEnv } from "@/lib/platform/env";

// Each channel may send this many orders per second (with a burst of the same size) to be
// placed at once; above it orders are queued for the intake worker, and only when the
// channel's queue is full is a request refused with 429 and Retry-After.

export const intakeRatePerSecond = () => readEnv().HANDOFF_INTAKE_RATE_PER_SECOND;
export const intakeQueueLimit = () => readEnv().HANDOFF_INTAKE_QUEUE_LIMIT;

type Bucket = { tokens: number; refilledAt: number };
const buckets = new Map<OrderChannel, Bucket>();

/**
 * Takes a token from the channel's bucket: true means place the order now, false means
 * queue it. Per process: with several app processes each has its own allowance.
 */
export function takeIntakeToken(channel: OrderChannel, nowMs: number): boolean {
  const rate = intakeRatePerSecond();
  const bucket = buckets.get(channel) ?? { tokens: rate, refilledAt: nowMs };
  bucket.tokens = Math.min(rate, bucket.tokens + ((nowMs - bucket.refilledAt) / 1000) * rate);
  bucket.refilledAt = nowMs;
  buckets.set(channel, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
