import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/platform/db/prisma";
import { localizeFromLogs, type LogVerdict } from "./localize";
import type { ParsedObservation } from "./parse-lines";

export type CascadeMapEntry = { order: string; events: number; verdict: LogVerdict };

/** Keeps the good lines of one upload or API call, then maps the cascade of every order they mention. */
export async function ingestObservations(db: Db, observations: ParsedObservation[]): Promise<{ batchId: string; cascade: CascadeMapEntry[] }> {
  const batchId = randomUUID();
  // One set-based INSERT per 10,000 lines (row-by-row through the ORM costs more than the
  // parse), all in one transaction: an upload is kept whole or not at all.
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < observations.length; i += 10_000) {
        const slice = observations.slice(i, i + 10_000);
        await tx.$executeRaw`
          INSERT INTO "Observation" ("id", "batchId", "system", "eventType", "direction", "orderRef", "observedAt")
          SELECT gen_random_uuid(), ${batchId}::uuid, line.system::"SystemName", line.event, line.direction, line.ref, line.at::timestamptz AT TIME ZONE 'UTC'
          FROM unnest(
            ${slice.map((o) => o.system)}::text[], ${slice.map((o) => o.eventType)}::text[], ${slice.map((o) => o.direction)}::text[],
            ${slice.map((o) => o.orderRef)}::text[], ${slice.map((o) => o.observedAt.toISOString())}::text[]
          ) AS line(system, event, direction, ref, at)`;
      }
    },
    { timeout: 120_000 },
  );
  const orders = [...new Set(observations.map((observation) => observation.orderRef))];
  return { batchId, cascade: await cascadeMap(db, orders) };
}

/** Every order's failure node from all its observations so far (earlier uploads included). */
export async function cascadeMap(db: Db, orderRefs: string[]): Promise<CascadeMapEntry[]> {
  const rows = await db.observation.findMany({ where: { orderRef: { in: orderRefs } }, select: { orderRef: true, system: true, eventType: true, direction: true } });
  const byOrder = new Map<string, typeof rows>();
  for (const row of rows) {
    const seen = byOrder.get(row.orderRef);
    if (seen) seen.push(row);
    else byOrder.set(row.orderRef, [row]);
  }
  return orderRefs.map((order) => {
    const seen = byOrder.get(order) ?? [];
    return { order, events: seen.length, verdict: localizeFromLogs(seen) };
  });
}
