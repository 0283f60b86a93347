import { describe, expect, it } from "vitest";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import type { ParsedObservation } from "@/lib/monitor/observations/parse-lines";
import { continueRejudge, requestRejudge } from "@/lib/monitor/observations/rejudge-watched-orders";
import { replaceVocabulary } from "@/lib/monitor/observations/replace-vocabulary";
import { getDb } from "@/lib/platform/db/prisma";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// A re-judgement walks every watched order in its database: this file has one of its own.
ownDatabaseForThisFile("handoff_watch_rejudge");

/** A placement an hour ago that every system logged, the WMS in its own word "allocation-created". */
function placement(order: string): ParsedObservation[] {
  const at = new Date(Date.now() - 3_600_000);
  return (["OMS", "WMS", "POS", "STOREFRONT", "NOTIFICATION"] as const).map((system, i) => ({
    system,
    eventType: system === "WMS" ? "allocation-created" : "order.created",
    direction: "received" as const,
    orderRef: order,
    observedAt: new Date(at.getTime() + i * 1000),
    status: null,
    aliases: [],
  }));
}

const states = async () => Object.fromEntries((await getDb().watchedOrder.findMany({ orderBy: { orderRef: "asc" } })).map((order) => [order.orderRef, order.state]));

describe("judging every watched order again after the vocabulary changes", () => {
  it("goes a page at a time, keeps where it stopped for the worker, and a newer change starts it over", async () => {
    const db = getDb();
    await ingestObservations(db, ["R-1", "R-2", "R-3", "R-4", "R-5"].flatMap(placement));
    // Without a mapping the WMS's word is unknown: every placement is missing its WMS step.
    expect(Object.values(await states())).toEqual(["broken", "broken", "broken", "broken", "broken"]);

    await db.observationMapping.create({ data: { system: "WMS", event: "allocation-created", status: "", means: ["order.created"] } });
    await db.$transaction((tx) => requestRejudge(tx));
    // No time left after a page: two orders judged, the rest pending.
    expect(await continueRejudge(db, 0, new Date(), 2)).toEqual({ judged: 2, pending: true });
    expect(await states()).toEqual({ "R-1": "healthy", "R-2": "healthy", "R-3": "broken", "R-4": "broken", "R-5": "broken" });
    expect(await db.watchedRejudge.findUnique({ where: { id: 1 } })).toMatchObject({ after: "R-2" });

    // The vocabulary changes again mid-way (the mapping is gone): the walk starts over from the first order.
    await db.observationMapping.deleteMany({});
    await db.$transaction((tx) => requestRejudge(tx));
    expect(await continueRejudge(db, 0, new Date(), 2)).toEqual({ judged: 2, pending: true });
    expect(await states()).toMatchObject({ "R-1": "broken", "R-2": "broken" });

    // The worker's runs finish it, and then nothing is pending.
    expect(await continueRejudge(db, 60_000, new Date(), 2)).toEqual({ judged: 3, pending: false });
    expect(await db.watchedRejudge.count()).toBe(0);
    expect(await continueRejudge(db, 60_000)).toEqual({ judged: 0, pending: false });

    // Saving a vocabulary judges a stack this small before it answers.
    expect(await replaceVocabulary(db, [{ system: "WMS", event: "allocation-created", status: "", means: ["order.created"] }])).toEqual({ judged: 5, pending: false });
    expect(Object.values(await states())).toEqual(["healthy", "healthy", "healthy", "healthy", "healthy"]);
  });
});
