import { describe, expect, it } from "vitest";
import { auditLatestWatchedFailures, auditWatchedOrders } from "@/lib/monitor/observations/audit-watched-orders";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import type { ParsedObservation } from "@/lib/monitor/observations/parse-lines";
import { getDb } from "@/lib/platform/db/prisma";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// "The latest watched failures" are the latest in the whole database: this file has one of its own.
ownDatabaseForThisFile("handoff_watched_audit");

const SYSTEMS = ["OMS", "WMS", "STOREFRONT", "NOTIFICATION"] as const;

/** A pickup `minutesAgo`, under the OMS's id with the POS's as an alias, that every system logged but `silent`. */
function pickup(order: string, posId: string, minutesAgo: number, silent: (typeof SYSTEMS)[number] | null): ParsedObservation[] {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const line = (system: ParsedObservation["system"], eventType: string, direction: "sent" | "received", seconds: number, orderRef = order, aliases: string[] = []): ParsedObservation => ({
    system, eventType, direction, orderRef, observedAt: new Date(at.getTime() + seconds * 1000), status: null, aliases,
  });
  return [
    line("POS", "pickup.completed", "sent", 0, posId),
    line("OMS", "pickup.completed", "received", 2, order, [posId]),
    line("OMS", "order.picked_up", "sent", 3),
    ...SYSTEMS.filter((system) => system !== "OMS" && system !== silent).map((system, i) => line(system, "order.picked_up", "received", 5 + i)),
    ...(silent === "WMS" ? [] : [line("WMS", "inventory.consumed", "sent", 9), line("STOREFRONT", "inventory.consumed", "received", 10)]),
  ];
}

describe("the three-order audit of watched orders", () => {
  it("names one structural node when three watched orders break at the same boundary, asked by any of their ids", async () => {
    const db = getDb();
    await ingestObservations(db, [
      ...pickup("SO-1", "POS-1", 60, "WMS"),
      ...pickup("SO-2", "POS-2", 50, "WMS"),
      ...pickup("SO-3", "POS-3", 40, "WMS"),
      ...pickup("SO-4", "POS-4", 30, "STOREFRONT"),
      ...pickup("SO-OK", "POS-OK", 20, null),
    ]);

    // Each order is named by the id its first line came under (the POS's), and found by either.
    const structural = await auditWatchedOrders(db, ["SO-1", "POS-2", "SO-3", "NOPE"]);
    expect(structural.verdict).toMatchObject({ kind: "structural", node: { id: "pickup-3" } });
    expect(structural.evidence.map((item) => [item.order, item.node?.id])).toEqual([
      ["POS-1", "pickup-3"],
      ["POS-2", "pickup-3"],
      ["POS-3", "pickup-3"],
    ]);
    expect(structural.evidence[0]!.missing).toMatch(/WMS never logged receiving it/);
    expect(structural.unknown).toEqual(["NOPE"]);

    // One order at another node makes it an edge case; a healthy one is evidence but not a failure.
    const mixed = await auditWatchedOrders(db, ["SO-1", "SO-2", "SO-4", "SO-OK"]);
    expect(mixed.verdict).toMatchObject({ kind: "edge_case", nodes: [{ node: { id: "pickup-3" }, orders: 2 }, { node: { id: "pickup-4" }, orders: 1 }] });
    expect(mixed.evidence.find((item) => item.order === "POS-OK")).toMatchObject({ state: "healthy", node: null });
    expect((await auditWatchedOrders(db, ["SO-1", "SO-OK"])).verdict.kind).toBe("insufficient");

    // The latest three that broke: the 4th (storefront), the 3rd and the 2nd (WMS).
    const latest = await auditLatestWatchedFailures(db, 3);
    expect(latest.evidence.map((item) => item.order)).toEqual(["POS-4", "POS-3", "POS-2"]);
    expect(latest.verdict.kind).toBe("edge_case");
  });
});
