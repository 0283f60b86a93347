import { describe, expect, it } from "vitest";
import { createWorkGate } from "@/lib/platform/http/work-gate";

describe("the work gate in front of uploads", () => {
  it("runs a few at once, queues the rest in order, and passes each freed place to the next in line", async () => {
    const gate = createWorkGate({ running: 2, waiting: 10, perSender: 5 });
    const order: string[] = [];
    const a = await gate.enter("x");
    const b = await gate.enter("y");
    expect(gate.load()).toEqual({ running: 2, waiting: 0 });
    const c = gate.enter("z").then((pass) => (order.push("c"), pass));
    const d = gate.enter("w").then((pass) => (order.push("d"), pass));
    await Promise.resolve();
    expect(gate.load()).toEqual({ running: 2, waiting: 2 });
    expect(order).toEqual([]);
    if (!a.ok || !b.ok) throw new Error("the first two should run");
    a.leave();
    a.leave(); // leaving twice frees one place, not two
    const third = await c;
    expect(order).toEqual(["c"]);
    expect(gate.load()).toEqual({ running: 2, waiting: 1 });
    b.leave();
    await d;
    expect(order).toEqual(["c", "d"]);
    if (third.ok) third.leave();
    const fourth = await d;
    if (fourth.ok) fourth.leave();
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a sender past its share with 429, and anyone when the line is full with 503", async () => {
    const gate = createWorkGate({ running: 1, waiting: 1, perSender: 2 });
    const first = await gate.enter("shipper");
    void gate.enter("shipper");
    expect(await gate.enter("shipper")).toMatchObject({ ok: false, status: 429 });
    expect(await gate.enter("someone else")).toMatchObject({ ok: false, status: 503, retryAfterSeconds: 10 });
    if (first.ok) first.leave();
    expect(gate.load()).toEqual({ running: 1, waiting: 0 });
  });
});
