import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/platform/db/prisma";
import { scratchDatabase } from "./scratch-database";

/**
 * Gives this test file a fresh, migrated database of its own (`getDb()` uses it), dropped when
 * the file is done: for tests that read or change everything in their database.
 */
export function ownDatabaseForThisFile(name: string) {
  let database: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  beforeAll(async () => {
    database = await scratchDatabase(name);
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await disconnectDb();
    await database?.drop();
  });
}
