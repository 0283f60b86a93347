// `npm run db:migrate [-- <name>]`: with a name, first writes a migration for any
// change in prisma/schema/ (diffed offline by scripts/db/create-migration.ts);
// then applies every pending migration to the configured or embedded database.
import { spawnSync } from "node:child_process";
import { withDatabaseName } from "@/lib/platform/db/ensure-database";
import { applyMigrations } from "@/lib/platform/db/migrations";
import { resolveDatabase } from "@/lib/platform/db/resolve-database";
import { readEnv } from "@/lib/platform/env";

const name = process.argv[2];
const database = await resolveDatabase(readEnv());
try {
  if (name) {
    const created = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/create-migration.ts", name], {
      stdio: "inherit",
      env: { ...process.env, MIGRATION_SCRATCH_URL: withDatabaseName(database.url, "postgres") },
    });
    if (created.status !== 0) process.exitCode = created.status ?? 1;
  }
  if (!process.exitCode) {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
  }
} finally {
  await database.stop();
}
