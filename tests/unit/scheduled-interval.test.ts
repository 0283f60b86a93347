import { describe, expect, it } from "vitest";
import { intervalStartedAfter } from "@/lib/platform/periodic-job";

describe("a scheduled run's interval", () => {
  const now = new Date("2026-12-02T12:00:00Z");

  it("counts a run from the last interval less half a minute's slack", () => {
    expect(intervalStartedAfter(now, 5 * 60_000)).toEqual(new Date("2026-12-02T11:55:30Z"));
    expect(intervalStartedAfter(now, 24 * 3_600_000)).toEqual(new Date("2026-12-01T12:00:30Z"));
  });

  it("keeps a short interval's window in the past, so a run seconds ago still counts", () => {
    // Six seconds: with a fixed half minute of slack the window would start 24 s in the future and every poll would run again.
    const since = intervalStartedAfter(now, 6_000);
    expect(since).toEqual(new Date("2026-12-02T11:59:57Z"));
    expect(since.getTime()).toBeLessThan(now.getTime());
  });
});
