import { describe, expect, it } from "vitest";
import { coalesced, groupCommit, type Settled } from "@/lib/platform/group-commit";

/** A flush that records each batch and waits for the test to let it finish. */
function recordingFlush() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const flush = async (items: number[]): Promise<Settled<number>[]> => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((item) => (item < 0 ? { status: "rejected", reason: new Error(`bad ${item}`) } : { status: "fulfilled", value: item * 10 }));
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    gates.shift()!();
  };
  return { batches, flush, openNext };
}

describe("group commit", () => {
  it("flushes a lone item at once, and everything that arrived meanwhile together in the next flush", async () => {
    const { batches, flush, openNext } = recordingFlush();
    const submit = groupCommit(flush, { maxBatch: 10 });
    const first = submit(1);
    const rest = [submit(2), submit(3), submit(4)];
    expect(batches).toEqual([[1]]);
    await openNext();
    await openNext();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("never puts more than maxBatch items in one flush", async () => {
    const { batches, flush, openNext } = recordingFlush();
    const submit = groupCommit(flush, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map(submit);
    for (let i = 0; i < 3; i++) await openNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("answers each item on its own: one rejected item leaves the others fulfilled", async () => {
    const { flush, openNext } = recordingFlush();
    const submit = groupCommit(flush, { maxBatch: 10 });
    const results = Promise.allSettled([submit(1), submit(-2), submit(3)]);
    await openNext();
    await openNext();
    const settled = await results;
    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe("bad -2");
  });

  it("rejects every item of a flush that throws, and goes on with the next", async () => {
    let calls = 0;
    const submit = groupCommit(
      async (items: number[]) => {
        if (calls++ === 0) throw new Error("database went away");
        return items.map((item) => ({ status: "fulfilled" as const, value: item }));
      },
      { maxBatch: 10 },
    );
    await expect(submit(1)).rejects.toThrow("database went away");
    await expect(submit(2)).resolves.toBe(2);
  });

  it("runs up to `concurrency` flushes side by side", async () => {
    const { batches, flush, openNext } = recordingFlush();
    const submit = groupCommit(flush, { maxBatch: 10, concurrency: 2 });
    const all = [submit(1), submit(2), submit(3)];
    expect(batches).toEqual([[1], [2]]);
    for (let i = 0; i < 3; i++) await openNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1], [2], [3]]);
  });

  it("coalesces work: everyone who asks during a run shares one next run, started after they asked", async () => {
    let runs = 0;
    let release!: () => void;
    const wake = coalesced(async () => {
      const run = ++runs;
      if (run === 1) await new Promise<void>((resolve) => (release = resolve));
      return run;
    });
    const first = wake();
    const during = [wake(), wake(), wake()];
    release();
    expect(await first).toBe(1);
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
  });

  it("lingers when idle, so a burst that arrives over a few milliseconds goes in one flush", async () => {
    const batches: number[][] = [];
    const submit = groupCommit(
      async (items: number[]) => {
        batches.push(items);
        return items.map((item) => ({ status: "fulfilled" as const, value: item }));
      },
      { maxBatch: 10, lingerMs: 20 },
    );
    const first = submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = submit(2);
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });
});
