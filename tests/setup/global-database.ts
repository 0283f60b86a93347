import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/platform/db/embedded-postgres";
import { scratchDatabaseOn } from "../support/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * A fresh, migrated database for every run: on the server named by
 * TEST_DATABASE_SERVER_URL, or else on an embedded PostgreSQL kept under .data/test.
 */
export default async function setup(project: TestProject) {
  let server: RunningPostgres | undefined;
  let serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!serverUrl) {
    // Durability is irrelevant for throw-away test data; these settings only make it faster.
    server = await startEmbeddedPostgres({ dataDir: ".data/test", settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } });
    serverUrl = server.serverUrl;
  }
  const database = await scratchDatabaseOn(serverUrl, "handoff_test");
  project.provide("databaseUrl", database.url);

  return async () => {
    await database.drop();
    await server?.stop();
  };
}
