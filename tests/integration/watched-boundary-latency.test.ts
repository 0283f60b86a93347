import { describe, expect, it } from "vitest";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import type { ParsedObservation } from "@/lib/monitor/observations/parse-lines";
import { watchedBoundaryLatency } from "@/lib/monitor/observations/watched-boundary-latency";
import { watchedOrderView } from "@/lib/monitor/observations/watched-order-view";
import { getDb } from "@/lib/platform/db/prisma";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// The percentiles cover every watched arrival in its database: this file has one of its own.
ownDatabaseForThisFile("handoff_watched_latency");

const line = (order: string, system: ParsedObservation["system"], eventType: string, direction: "sent" | "received", observedAt: Date): ParsedObservation => ({
  system,
  eventType,
  direction,
  orderRef: order,
  observedAt,
  status: null,
  aliases: [],
});

/** A pickup the POS sent at `at`; the OMS logged it `omsAfterSeconds` later and the WMS 5 s after that (the OMS logs no send). */
function pickup(order: string, at: Date, omsAfterSeconds: number): ParsedObservation[] {
  const oms = new Date(at.getTime() + omsAfterSeconds * 1000);
  return [
    line(order, "POS", "pickup.completed", "sent", at),
    line(order, "OMS", "pickup.completed", "received", oms),
    line(order, "OMS", "order.picked_up", "sent", oms),
    line(order, "WMS", "order.picked_up", "received", new Date(oms.getTime() + 5000)),
  ];
}

describe("the watched stack's boundary latency", () => {
  it("gives p50 and p95 per boundary from the logs' own timestamps, counts late arrivals, and keeps older arrivals out of the last day", async () => {
    const db = getDb();
    const recent = new Date(Date.now() - 30 * 60_000);
    const old = new Date(Date.now() - 3 * 86_400_000);
    // 19 crossings of 1 to 19 s, and one 400 s (past the 60 s deadline and the 2 min skew): late.
    const lines = [
      ...Array.from({ length: 19 }, (_, i) => pickup(`LAT-${i + 1}`, recent, i + 1)).flat(),
      ...pickup("LAT-SLOW", recent, 400),
      ...pickup("LAT-OLD", old, 90),
    ];
    // At-least-once: the same lines twice change no figure.
    await ingestObservations(db, lines.toReversed());
    await ingestObservations(db, lines);

    const latency = await watchedBoundaryLatency(db);
    const p2 = latency.find((row) => row.step === "P2")!;
    expect(p2.boundary).toBe("Pickup node 2 — POS → OMS pickup write-back");
    expect(p2.event).toBe("pickup.completed");
    // Over 1,000…19,000 ms and 400,000 ms: the median between the 10th and 11th, the 95th interpolated near the top.
    expect(p2.last24h).toEqual({ arrivals: 20, late: 1, p50Ms: 10_500, p95Ms: 38_050 });
    expect(p2.kept).toEqual({ arrivals: 21, late: 1, p50Ms: 11_000, p95Ms: 90_000 });

    // The OMS logged no send to the WMS: the crossing counts from when the pickup reached the OMS.
    const p3 = latency.find((row) => row.step === "P3")!;
    expect(p3.last24h).toEqual({ arrivals: 20, late: 1, p50Ms: 5_000, p95Ms: 5_000 });
    // A system's own step is not a boundary crossing.
    expect(latency.map((row) => row.step)).toEqual(["P2", "P3"]);

    const view = await watchedOrderView(db, "LAT-7");
    expect(view?.steps.find((step) => step.step === "P2")).toMatchObject({ state: "arrived", latencyMs: 7_000 });
  });
});
