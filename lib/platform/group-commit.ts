export type Settled<T> = PromiseSettledResult<T>;

type Waiting<I, O> = { item: I; resolve(value: O): void; reject(reason: unknown): void };

export type GroupCommitOptions = {
  /** The most items one flush takes; the rest wait for the next. */
  maxBatch: number;
  /** Flushes running at once. */
  concurrency?: number;
  /**
   * How long an idle flusher waits for company before it flushes (as Kafka's linger.ms):
   * work that arrives in a burst, a worker's batch of deliveries, then goes together.
   */
  lingerMs?: number;
};

/**
 * Group commit: an item submitted while the flushes are busy waits, and goes with every
 * other waiting item in the next flush. Under load N items share one flush's fixed cost
 * (a transaction, a statement); an idle caller's lone item is flushed at once (or after
 * `lingerMs`), alone.
 * `flush` answers each item, in order, as fulfilled or rejected.
 */
export function groupCommit<I, O>(flush: (items: I[]) => Promise<Settled<O>[]>, { maxBatch, concurrency = 1, lingerMs = 0 }: GroupCommitOptions): (item: I) => Promise<O> {
  const waiting: Waiting<I, O>[] = [];
  let running = 0;

  const next = async () => {
    running++;
    try {
      if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
      while (waiting.length > 0) {
        const batch = waiting.splice(0, maxBatch);
        let answers: Settled<O>[];
        try {
          answers = await flush(batch.map((entry) => entry.item));
        } catch (error) {
          answers = batch.map(() => ({ status: "rejected", reason: error }));
        }
        batch.forEach((entry, index) => {
          const answer = answers[index] ?? { status: "rejected", reason: new Error("The flush gave no answer for this item.") };
          if (answer.status === "fulfilled") entry.resolve(answer.value);
          else entry.reject(answer.reason);
        });
      }
    } finally {
      running--;
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (running < concurrency) void next();
    });
}

/** Runs `work` and settles it, for flushes that answer item by item. */
export async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { status: "fulfilled", value: await work() };
  } catch (reason) {
    return { status: "rejected", reason };
  }
}

/**
 * Work that anyone may ask for at any time, run so that everyone who asks while a run
 * is under way shares the next run (which starts after their request), never the current one.
 */
export function coalesced<T>(work: () => Promise<T>): () => Promise<T> {
  const run = groupCommit(async (requests: null[]) => {
    const value = await work();
    return requests.map(() => ({ status: "fulfilled" as const, value }));
  }, { maxBatch: Number.MAX_SAFE_INTEGER });
  return () => run(null);
}

/** One instance of something per database client (a client's own group commit), made on first use. */
export function perClient<K extends object, T>(make: (client: K) => T): (client: K) => T {
  const made = new WeakMap<K, T>();
  return (client) => {
    let instance = made.get(client);
    if (instance === undefined) made.set(client, (instance = make(client)));
    return instance;
  };
}
