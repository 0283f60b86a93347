import { EVENT } from "@/lib/bus/event-names";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SystemName } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/platform/db/prisma";

export type UnmappedEvent = { system: SystemName; event: string; lines: number; example: { order: string; at: string } };

/**
 * Lines whose word neither Handoff nor any mapping knows, by system and event, with a
 * count and an example: kept, never dropped, so a mapper can see what the stack says.
 */
export async function unmappedEvents(db: Db, scope: { batchId: string } | { withinHours: number }): Promise<UnmappedEvent[]> {
  const since = "withinHours" in scope ? new Date(Date.now() - scope.withinHours * 3_600_000) : null;
  const where = "batchId" in scope ? Prisma.sql`o."batchId" = ${scope.batchId}::uuid` : Prisma.sql`o."receivedAt" >= ${since}::timestamp`;
  const rows = await db.$queryRaw<{ system: SystemName; event: string; lines: number; exampleOrder: string; exampleAt: Date }[]>`
    SELECT o."system", o."eventType" AS "event", COUNT(*)::int AS "lines", MIN(o."orderRef") AS "exampleOrder", MIN(o."observedAt") AS "exampleAt"
      FROM "Observation" o
     WHERE ${where}
       AND o."eventType" <> ALL(${Object.values(EVENT)}::text[])
       AND NOT EXISTS (
         SELECT 1 FROM "ObservationMapping" m
          WHERE m."system" = o."system" AND m."event" = o."eventType" AND (m."status" = '' OR m."status" = o."status"))
     GROUP BY 1, 2
     ORDER BY 3 DESC, 1, 2
     LIMIT 100`;
  return rows.map((row) => ({ system: row.system, event: row.event, lines: row.lines, example: { order: row.exampleOrder, at: row.exampleAt.toISOString() } }));
}
