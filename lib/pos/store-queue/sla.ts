/** Minutes before the pick-to-ready target when a card turns amber. */
export const SLA_NEAR_MINUTES = 5;

export type SlaState = "on_track" | "near" | "over" | "met" | "missed";

/**
 * Where an order stands against its pick-to-ready target: on track, near (amber) or
 * over (red) while it is still being worked; met or missed once it was ready.
 */
export function slaState(targetAt: Date | null, now: Date, readyAt: Date | null = null): SlaState {
  if (!targetAt) return "on_track";
  if (readyAt) return readyAt.getTime() <= targetAt.getTime() ? "met" : "missed";
  const left = targetAt.getTime() - now.getTime();
  if (left < 0) return "over";
  return left <= SLA_NEAR_MINUTES * 60_000 ? "near" : "on_track";
}

/** "4:05" or "1:02:09": a span of time as a clock reads it. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** "12:04 left", "3:10 over": for a ticking timer against a target. */
export function formatCountdown(ms: number): string {
  return `${formatElapsed(ms)} ${ms >= 0 ? "left" : "over"}`;
}
