import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inject, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/platform/db/migrations";
import { resolveDatabase } from "@/lib/platform/db/resolve-database";
import { readEnv } from "@/lib/platform/env";
import { scratchDatabase } from "../support/scratch-database";

const emptyDatabase = (name: string) => scratchDatabase(name, { migrate: false });

describe("migrations", () => {
  it("apply once, then find nothing to do", async () => {
    const scratch = await emptyDatabase("mig_once");
    try {
      const all = (await readMigrations()).map((migration) => migration.name);
      expect(all[0]).toMatch(/_init$/);
      expect(await applyMigrations(scratch.url)).toEqual(all);
      expect(await applyMigrations(scratch.url)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it("refuse a migration that was edited after it was applied, and roll back a failing one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "handoff-migrations-"));
    await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
    const scratch = await emptyDatabase("mig_edit");
    try {
      await applyMigrations(scratch.url, dir);
      await mkdir(path.join(dir, "29990101000000_broken"));
      await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";`);
      await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(/29990101000000_broken failed/);
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      const half = await client.query(`SELECT to_regclass('"Half"') AS t`);
      await client.end();
      expect(half.rows[0].t).toBeNull();

      const init = (await import("node:fs")).readdirSync(dir).find((name) => name.endsWith("_init"))!;
      await writeFile(path.join(dir, init, "migration.sql"), "-- edited\n", { flag: "a" });
      await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await scratch.drop();
    }
  });
});

describe("choosing the database", () => {
  it("uses DATABASE_URL as given and starts no server", async () => {
    const url = inject("databaseUrl");
    const resolved = await resolveDatabase(readEnv({ DATABASE_URL: url }));
    expect(resolved).toMatchObject({ url, embedded: false });
    await resolved.stop();
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL must be a postgres/);
  });
});
