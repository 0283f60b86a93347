import { applyMigrations } from "@/lib/platform/db/migrations";
import { disconnectDb, getDb, type Db } from "@/lib/platform/db/prisma";
import { resolveDatabase } from "@/lib/platform/db/resolve-database";
import { readEnv } from "@/lib/platform/env";

/**
 * For one-off scripts (seed, benchmarks): the configured or embedded database,
 * migrated, for the length of `work`; the embedded server stops afterwards.
 */
export async function withDatabase<T>(work: (context: { db: Db; url: string }) => Promise<T>): Promise<T> {
  const env = readEnv();
  const database = await resolveDatabase(env);
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    return await work({ db: getDb(), url: database.url });
  } finally {
    await disconnectDb();
    await database.stop();
  }
}
