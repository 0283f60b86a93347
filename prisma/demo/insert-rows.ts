import type { Db } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

const BATCH = 10_000;

/**
 * Inserts plain rows into a table in a few statements: each batch travels as one JSON
 * parameter that Postgres unpacks into the table's own row type (enums and timestamps cast
 * by the column types); columns a row leaves out keep their defaults. For seeding
 * thousands of rows, where building them one by one through the client takes minutes.
 */
export async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const list = Prisma.raw(columns.map((column) => `"${column}"`).join(", "));
  const type = Prisma.raw(`NULL::"${table}"`);
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH), (_key, value) => (typeof value === "bigint" ? Number(value) : value));
    await db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(${type}, ${json}::jsonb) ON CONFLICT DO NOTHING`;
  }
}
