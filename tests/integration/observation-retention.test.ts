import { describe, expect, it } from "vitest";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import { pruneObservations } from "@/lib/monitor/observations/prune-observations";
import { getDb } from "@/lib/platform/db/prisma";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// Pruning a month ahead removes every line in its database: this file has one of its own.
ownDatabaseForThisFile("handoff_retention");

const line = (system: "OMS" | "STOREFRONT", orderRef: string, aliases: string[] = []) => ({
  system,
  eventType: "order.created",
  direction: "received" as const,
  orderRef,
  observedAt: new Date(Date.now() - 60_000),
  status: null,
  aliases,
});

describe("watched lines over time", () => {
  it("are removed once older than the retention, with the orders and ids they made", async () => {
    const db = getDb();
    await ingestObservations(db, [line("OMS", "SO-OLD", ["#W-OLD"]), line("STOREFRONT", "#W-OLD")]);
    expect(await db.watchedOrder.count()).toBe(1);
    expect(await db.watchedArrival.count()).toBe(2);
    const monthOn = new Date(Date.now() + 31 * 86_400_000);
    // A retention of 0 keeps everything; 30 days, a month on, keeps nothing this order left.
    expect(await pruneObservations(db, monthOn, 0)).toBe(0);
    expect(await pruneObservations(db, new Date(), 30)).toBe(0);
    expect(await pruneObservations(db, monthOn, 30)).toBe(2);
    expect(await db.observation.count()).toBe(0);
    expect(await db.watchedOrder.count()).toBe(0);
    expect(await db.orderAlias.count()).toBe(0);
    expect(await db.watchedArrival.count()).toBe(0);
  });
});
