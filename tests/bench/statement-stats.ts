import type { Db } from "@/lib/platform/db/prisma";

// The statements a measured window sent, from pg_stat_statements, for `--statements`:
// how many of each per unit of work, and where PostgreSQL spent its time.

export const STATEMENT_STATS_SETTINGS = { shared_preload_libraries: "pg_stat_statements" };

export async function resetStatementStats(db: Db) {
  await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await db.$queryRawUnsafe("SELECT pg_stat_statements_reset()");
}

export async function printStatementStats(db: Db, units: number, unit: string, top = 30) {
  const rows = await db.$queryRawUnsafe<{ calls: number; ms: number; query: string }[]>(
    `SELECT calls::int AS calls, total_exec_time::float8 AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
       FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`,
  );
  const calls = rows.reduce((sum, row) => sum + row.calls, 0);
  const ms = rows.reduce((sum, row) => sum + row.ms, 0);
  console.log(`    statements: ${(calls / units).toFixed(1)} per ${unit}, ${((ms * 1000) / units).toFixed(0)} µs of execution per ${unit}; the most frequent:`);
  const print = (row: (typeof rows)[number]) => console.log(`      ${(row.calls / units).toFixed(2).padStart(6)} × ${((row.ms * 1000) / Math.max(1, row.calls)).toFixed(0).padStart(5)} µs  ${row.query}`);
  rows.slice(0, top).forEach(print);
  console.log(`    where PostgreSQL spent the most time:`);
  [...rows].sort((a, b) => b.ms - a.ms).slice(0, 10).forEach(print);
}
