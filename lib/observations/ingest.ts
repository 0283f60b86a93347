import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/prisma";
import { localizeFromLogs, type LogVerdict } from "./localize";
import type { ParsedObservation } from "./parse-lines";

export type CascadeMapEntry = { order: string; events: number; verdict: LogVerdict };

/** Keeps the good lines of one upload or API call, then maps the cascade of every order they mention. */
export async function ingestObservations(db: Db, observations: ParsedObservation[]): Promise<{ batchId: string; cascade: CascadeMapEntry[] }> {
  const batchId = randomUUID();
  for (let i = 0; i < observations.length; i += 5_000) {
    await db.observation.createMany({
      data: observations.slice(i, i + 5_000).map(({ system, eventType, direction, orderRef, observedAt }) => ({ batchId, system, eventType, direction, orderRef, observedAt })),
    });
  }
  const orders = [...new Set(observations.map((observation) => observation.orderRef))];
  return { batchId, cascade: await cascadeMap(db, orders) };
}

/** Every order's failure node from all its observations so far (earlier uploads included). */
export async function cascadeMap(db: Db, orderRefs: string[]): Promise<CascadeMapEntry[]> {
  const rows = await db.observation.findMany({ where: { orderRef: { in: orderRefs } }, select: { orderRef: true, system: true, eventType: true, direction: true } });
  return orderRefs.map((order) => {
    const seen = rows.filter((row) => row.orderRef === order);
    return { order, events: seen.length, verdict: localizeFromLogs(seen) };
  });
}
