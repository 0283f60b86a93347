import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/platform/db/prisma";

export type ShortPickRow = { storeCode: string; storeName: string; sku: string; reason: string; shorts: number; units: number };

/** Lines the stores could not supply over a period, by store, SKU and reason, most units first. */
export async function loadShortPickKpis(db: Db, period: { from: Date; to: Date }, storeId?: string): Promise<ShortPickRow[]> {
  return db.$queryRaw<ShortPickRow[]>`
    SELECT s."code" AS "storeCode", s."name" AS "storeName", p."sku", p."reason", COUNT(*)::int AS "shorts", SUM(p."quantity")::int AS "units"
      FROM "ShortPick" p JOIN "Store" s ON s."id" = p."storeId"
     WHERE p."at" >= ${period.from}::timestamp AND p."at" < ${period.to}::timestamp ${storeId ? Prisma.sql`AND p."storeId" = ${storeId}::uuid` : Prisma.empty}
     GROUP BY 1, 2, 3, 4
     ORDER BY "units" DESC, 1, 3, 4`;
}
