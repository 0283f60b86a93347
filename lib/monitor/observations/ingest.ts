import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/platform/db/prisma";
import { judgeWatchedOrders, type CascadeMapEntry } from "./judge-watched-orders";
import { linkOrderIds } from "./order-aliases";
import { unmappedEvents, type UnmappedEvent } from "./unmapped-events";
import type { ParsedObservation } from "./parse-lines";

export type { CascadeMapEntry };

/** Keeps the good lines of one upload or API call, then maps the cascade of every order they mention. */
export async function ingestObservations(db: Db, observations: ParsedObservation[]): Promise<{ batchId: string; cascade: CascadeMapEntry[]; unmapped: UnmappedEvent[] }> {
  const batchId = randomUUID();
  // One set-based INSERT per 10,000 lines (row-by-row through the ORM costs more than the
  // parse), all in one transaction: an upload is kept whole or not at all.
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < observations.length; i += 10_000) {
        const slice = observations.slice(i, i + 10_000);
        await tx.$executeRaw`
          INSERT INTO "Observation" ("id", "batchId", "system", "eventType", "direction", "orderRef", "observedAt", "status")
          SELECT gen_random_uuid(), ${batchId}::uuid, line.system::"SystemName", line.event, line.direction, line.ref, line.at::timestamptz AT TIME ZONE 'UTC', line.status
          FROM unnest(
            ${slice.map((o) => o.system)}::text[], ${slice.map((o) => o.eventType)}::text[], ${slice.map((o) => o.direction)}::text[],
            ${slice.map((o) => o.orderRef)}::text[], ${slice.map((o) => o.observedAt.toISOString())}::text[], ${slice.map((o) => o.status)}::text[]
          ) AS line(system, event, direction, ref, at, status)`;
      }
    },
    { timeout: 120_000 },
  );
  // Ids a line links (its order and its aliases) join one order, with what earlier batches linked.
  const links = observations.filter((observation) => observation.aliases.length > 0).map((observation) => [observation.orderRef, ...observation.aliases]);
  const named = await linkOrderIds(db, links, [...new Set(observations.map((observation) => observation.orderRef))]);
  const orders = [...new Set(named.values())];
  const [cascade, unmapped] = await Promise.all([judgeWatchedOrders(db, orders), unmappedEvents(db, { batchId })]);
  return { batchId, cascade, unmapped };
}
