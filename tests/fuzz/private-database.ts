import pg from "pg";
import { scratchDatabase } from "../support/scratch-database";

/**
 * A database of this file's own, so "nothing was written" can be checked over every table
 * while other test files write to theirs. Call before anything opens the app's client.
 */
export async function usePrivateDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await scratchDatabase("handoff_fuzz");
  process.env.DATABASE_URL = database.url;
  return database;
}

/**
 * Every row any statement inserts, updates or deletes in the app's tables, noted by a
 * trigger in the same transaction (so a rolled-back write leaves no note): `since()` names
 * the tables written since the last call.
 */
export async function watchWrites(url: string): Promise<{ since: () => Promise<string[]>; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    CREATE SCHEMA fuzz;
    CREATE TABLE fuzz.writes (tbl text NOT NULL);
    CREATE FUNCTION fuzz.note_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO fuzz.writes VALUES (TG_TABLE_NAME); RETURN NULL; END $$;`);
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  for (const { name } of rows) {
    await client.query(`CREATE TRIGGER fuzz_note_write AFTER INSERT OR UPDATE OR DELETE ON ${client.escapeIdentifier(name)} FOR EACH ROW EXECUTE FUNCTION fuzz.note_write()`);
  }
  return {
    since: async () => (await client.query<{ tbl: string }>("DELETE FROM fuzz.writes RETURNING tbl")).rows.map((row) => row.tbl).filter((tbl, i, all) => all.indexOf(tbl) === i).sort(),
    close: () => client.end(),
  };
}
