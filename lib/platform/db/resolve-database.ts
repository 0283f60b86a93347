import path from "node:path";
import type { Env } from "@/lib/platform/env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDatabase } from "./ensure-database";

export type ResolvedDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

const EMBEDDED_DATABASE = "handoff";

/**
 * DATABASE_URL wins and nothing is started. Without it, Handoff runs its own
 * PostgreSQL from the data folder, creating the cluster on first start.
 */
export async function resolveDatabase(env: Env, log: (line: string) => void = () => {}): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: env.HANDOFF_DATA_DIR, log });
  await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  return { url: server.urlFor(EMBEDDED_DATABASE), embedded: true, stop: () => server.stop() };
}

export function dataDirPath(env: Env): string {
  return path.resolve(env.HANDOFF_DATA_DIR);
}
