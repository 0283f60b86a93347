// Heavy requests (a log upload is megabytes of lines to parse and insert) take turns: a few
// run at once, the rest wait in line, and one sender cannot hold more than its share of
// places, so pages stay quick while the uploads get through.

export type GateRefusal = { ok: false; status: 429 | 503; error: string; retryAfterSeconds: number };
export type GatePass = { ok: true; leave: () => void };

export type WorkGateOptions = {
  /** How many run at once (the process has this many cores' worth of CPU to give them). */
  running: number;
  /** How many may wait in line behind them. */
  waiting: number;
  /** How many places (running or waiting) one sender may hold. */
  perSender: number;
};

export type WorkGate = { enter: (sender: string) => Promise<GatePass | GateRefusal>; load: () => { running: number; waiting: number } };

export function createWorkGate({ running: maxRunning, waiting: maxWaiting, perSender }: WorkGateOptions): WorkGate {
  let running = 0;
  const line: (() => void)[] = [];
  const held = new Map<string, number>();

  const release = (sender: string) => {
    const count = (held.get(sender) ?? 1) - 1;
    if (count > 0) held.set(sender, count);
    else held.delete(sender);
    const next = line.shift();
    if (next) next();
    else running--;
  };

  return {
    load: () => ({ running, waiting: line.length }),
    async enter(sender) {
      if ((held.get(sender) ?? 0) >= perSender) {
        return { ok: false, status: 429, error: `This sender already has ${perSender} uploads in progress; send the next when one finishes.`, retryAfterSeconds: 5 };
      }
      if (running >= maxRunning && line.length >= maxWaiting) {
        return { ok: false, status: 503, error: "Too many uploads are waiting right now; try again shortly.", retryAfterSeconds: 10 };
      }
      held.set(sender, (held.get(sender) ?? 0) + 1);
      // A place passes straight to the next in line, so `running` never drops below the limit while anyone waits.
      if (running < maxRunning) running++;
      else await new Promise<void>((resolve) => line.push(resolve));
      let left = false;
      return {
        ok: true,
        leave: () => {
          if (left) return;
          left = true;
          release(sender);
        },
      };
    },
  };
}

/** Lets queued I/O and other requests run between slices of CPU-bound work. */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
