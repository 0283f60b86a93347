import { describe, expect, it } from "vitest";
import { ingestObservations } from "@/lib/monitor/observations/ingest";
import { watchedNodeHealth } from "@/lib/monitor/observations/watched-node-health";
import { evaluateAlerts } from "@/lib/monitor/operations/alerts";
import type { ParsedObservation } from "@/lib/monitor/observations/parse-lines";
import { getDb } from "@/lib/platform/db/prisma";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// Node health counts every watched order in its database: this file has one of its own.
ownDatabaseForThisFile("handoff_watched_nodes");

/** A placement half an hour ago that every system logged, but `missing`. */
function placed(order: string, missing: string | null): ParsedObservation[] {
  const at = new Date(Date.now() - 30 * 60_000);
  return (["OMS", "WMS", "POS", "STOREFRONT", "NOTIFICATION"] as const)
    .filter((system) => system !== missing)
    .map((system, i) => ({ system, eventType: "order.created", direction: "received" as const, orderRef: order, observedAt: new Date(at.getTime() + i * 1000), status: null, aliases: [] }));
}

describe("the watched stack's node health", () => {
  it("counts the orders stuck at each node among those settled, and raises the same alert as Handoff's own nodes", async () => {
    const db = getDb();
    const lines = [...[1, 2, 3].flatMap((i) => placed(`STUCK-${i}`, "NOTIFICATION")), ...[1, 2, 3, 4, 5, 6, 7].flatMap((i) => placed(`OK-${i}`, null))];
    await ingestObservations(db, lines);
    const nodes = await watchedNodeHealth(db);
    expect(nodes).toEqual([
      expect.objectContaining({
        id: "watched:placement-step-5",
        label: expect.stringMatching(/^Watched stack — Placement step 5/),
        lastHour: expect.objectContaining({ late: 3, delivered: 7, failureRate: 0.3 }),
        last24h: expect.objectContaining({ late: 3, failureRate: 0.3 }),
      }),
    ]);
    const sent: string[] = [];
    await evaluateAlerts(db, { nodes, deadLetters: 0 }, async (incident) => void sent.push(incident.message));
    expect(sent).toEqual([expect.stringMatching(/^Watched stack — Placement step 5 .*: 30% of the watched orders got stuck there in the last hour\.$/)]);
  });
});
