import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { dropDatabase, ensureDatabase, withDatabaseName } from "@/lib/platform/db/ensure-database";
import { applyMigrations } from "@/lib/platform/db/migrations";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/** A fresh database on the server at `serverUrl` (migrated unless told not to); `drop` removes it, connections and all. */
export async function scratchDatabaseOn(serverUrl: string, prefix: string, { migrate = true } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(serverUrl, name);
  const url = withDatabaseName(serverUrl, name);
  if (migrate) await applyMigrations(url);
  return { url, drop: () => dropDatabase(serverUrl, name) };
}

/** A database of a test's own, beside the run's shared one on the same server. */
export function scratchDatabase(prefix: string, options?: { migrate?: boolean }): Promise<ScratchDatabase> {
  return scratchDatabaseOn(withDatabaseName(inject("databaseUrl"), "postgres"), prefix, options);
}
