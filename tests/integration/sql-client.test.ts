import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createDb, getDb, sqlOf } from "@/lib/platform/db/prisma";

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe("plain SQL on the Prisma client's pool", () => {
  it("writes and reads timestamps as UTC whatever the process's time zone, as Prisma does", async () => {
    process.env.TZ = "America/Chicago";
    const at = new Date("2026-11-27T14:30:00.123Z");
    const sql = sqlOf(getDb());
    const { rows } = await sql.query<{ at: Date; text: string; id: string }>(Prisma.sql`
      WITH written AS (INSERT INTO "RetentionCursor" ("name", "afterAt", "updatedAt") VALUES (${`sql-client-${Date.now()}`}, ${at}::timestamp, now()) RETURNING "name", "afterAt")
      SELECT "name" AS "id", "afterAt" AS "at", "afterAt"::text AS "text" FROM written`);
    expect(rows[0]!.text).toBe("2026-11-27 14:30:00.123");
    expect(rows[0]!.at.toISOString()).toBe(at.toISOString());
    const viaPrisma = await getDb().retentionCursor.findUniqueOrThrow({ where: { name: rows[0]!.id } });
    expect(viaPrisma.afterAt?.toISOString()).toBe(at.toISOString());
  });

  it("rolls a transaction back when its work throws, and the connection serves the next one", async () => {
    const sql = sqlOf(getDb());
    const name = `sql-client-rollback-${Date.now()}`;
    await expect(
      sql.transaction(async (tx) => {
        await tx.query(Prisma.sql`INSERT INTO "RetentionCursor" ("name", "updatedAt") VALUES (${name}, now())`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await getDb().retentionCursor.count({ where: { name } })).toBe(0);
    const committed = await sql.transaction(async (tx) => (await tx.query<{ one: number }>(Prisma.sql`SELECT 1 AS "one"`)).rows[0]!.one);
    expect(committed).toBe(1);
  });

  it("carries on when the server closes its idle connections (a restart, a failover): the next query opens another", async () => {
    const application = `handoff-test-${Date.now()}`;
    const db = createDb(process.env.DATABASE_URL!, { application_name: application });
    try {
      await sqlOf(db).query(Prisma.sql`SELECT 1`);
      await getDb().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${application}`;
      // The closed connection reports itself as an error on the pool; unheard, it would end the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { rows } = await sqlOf(db).query<{ one: number }>(Prisma.sql`SELECT 1 AS "one"`);
      expect(rows[0]!.one).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
