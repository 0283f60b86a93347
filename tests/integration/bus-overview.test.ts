import { describe, expect, it } from "vitest";
import { busOverview } from "@/lib/bus/bus-overview";
import { getDb } from "@/lib/platform/db/prisma";
import { ownDatabaseForThisFile } from "../support/database-of-its-own";

// The overview counts every delivery in its database: this file has one of its own.
ownDatabaseForThisFile("handoff_bus_overview");

const db = () => getDb();
const HOUR = 3_600_000;

describe("the bus overview", () => {
  it("counts open deliveries now and delivered ones of the last 24 hours, never the kept history, with a row for every receiving system", async () => {
    const now = new Date();
    const delivery = (targetSystem: "WMS" | "POS", status: "PENDING" | "DELIVERED" | "DEAD", deliveredAt: Date | null = null) => ({ targetSystem, status, deliveredAt });
    const rows = [
      delivery("WMS", "DELIVERED", new Date(now.getTime() - 2 * HOUR)),
      delivery("WMS", "DELIVERED", new Date(now.getTime() - 30 * HOUR)),
      delivery("WMS", "DELIVERED", new Date(now.getTime() - 40 * 24 * HOUR)),
      delivery("WMS", "PENDING"),
      delivery("POS", "DEAD"),
    ];
    // An event reaches a system once, so each delivery has an event of its own.
    for (const row of rows) {
      const own = await db().outboxEvent.create({ data: { source: "OMS", type: "order.created", payload: {} } });
      await db().delivery.create({ data: { ...row, outboxEventId: own.id, position: own.position } });
    }

    const { bySystem } = await busOverview(db(), now);
    const counts = Object.fromEntries(bySystem.map(({ system, counts }) => [system, counts]));
    expect(counts.WMS).toEqual({ DELIVERED: 1, PENDING: 1, DEAD: 0 });
    expect(counts.POS).toEqual({ DELIVERED: 0, PENDING: 0, DEAD: 1 });
    // Quiet for a day, still listed: the table never reads "nothing sent" while systems are configured.
    expect(counts.STOREFRONT).toEqual({ DELIVERED: 0, PENDING: 0, DEAD: 0 });
    expect(counts.NOTIFICATION).toEqual({ DELIVERED: 0, PENDING: 0, DEAD: 0 });
  });
});
