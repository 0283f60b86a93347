/**
 * Thin wrapper around `@prisma/schema-engine-wasm` so migrations can be diffed
 * without the native `schema-engine` binary (which the stock `prisma` CLI tries to
 * download, and cannot on a machine that only reaches the npm registry).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type SchemaFile = SchemaContainer; // { path: string; content: string }

export interface DiffSchemaOptions {
  /** Postgres URL of the database whose current state is the starting point ("from"). */
  fromUrl: string;
  /** Prisma schema file(s) whose datamodel is the desired end state ("to"). */
  schemaFiles: SchemaFile[];
  /** Receives the engine's JSON log lines (default: discarded). */
  onLog?: (line: string) => void;
}

let engineClass: typeof SchemaEngine | undefined;
let lastPanic = "";
let panicked = false;

/**
 * The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`
 * (bundler style), which Node cannot load, so we compile the .wasm ourselves and
 * hand its exports to the JS glue, exactly as the entry file would.
 */
function loadSchemaEngine(): typeof SchemaEngine {
  if (panicked) throw new Error("The schema engine panicked earlier in this process; start a new process.");
  if (engineClass) return engineClass;
  const require = createRequire(import.meta.url);
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  // The glue reports Rust panic messages through this global (Prisma's CLI defines the same).
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => void (lastPanic = m) };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  engineClass = bg.SchemaEngine;
  return engineClass;
}

/**
 * The engine's Postgres describer reads catalog columns of type "char" (OID 18,
 * e.g. pg_constraint.contype) and needs them typed as Character, but
 * @prisma/adapter-pg 7.10 has no mapping for OID 18 ("Column type 'char' could not
 * be deserialized"). So: at the pg level relabel such fields as text and tag their
 * name; at the adapter level strip the tag and report ColumnTypeEnum.Character.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_TAG = "\u0000char";

function tagCharFields<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of (r as Partial<pg.QueryResult> | null)?.fields ?? []) {
      if (f.dataTypeID === CHAR_OID) Object.assign(f, { dataTypeID: TEXT_OID, name: f.name + CHAR_TAG });
    }
  }
  return result;
}

/** Hooks promise-style query() calls (the only style adapter-pg uses). */
function hookQuery(target: { query: (...args: never[]) => unknown }): void {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  target.query = ((...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(tagCharFields) : out;
  }) as typeof target.query;
}

function untagCharColumns<Q extends SqlQueryable>(q: Q): Q {
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query): Promise<SqlResultSet> => {
    const rs = await queryRaw(query);
    rs.columnNames.forEach((name, i) => {
      if (!name.endsWith(CHAR_TAG)) return;
      rs.columnNames[i] = name.slice(0, -CHAR_TAG.length);
      rs.columnTypes[i] = ColumnTypeEnum.Character;
    });
    return rs;
  };
  return q;
}

function withCharSupport(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => untagCharColumns(await startTransaction(level));
  return untagCharColumns(adapter);
}

/**
 * A Rust panic inside the engine surfaces as an uncaught WebAssembly.RuntimeError
 * from a microtask, and the engine's promise never settles. Turn any uncaught
 * exception during `work` into a rejection so callers' `finally` cleanup still runs.
 */
async function guardPanics<T>(work: Promise<T>): Promise<T> {
  let onUncaught: ((e: unknown) => void) | undefined;
  const crashed = new Promise<never>((_, reject) => {
    onUncaught = (e: unknown) => {
      panicked ||= e instanceof WebAssembly.RuntimeError;
      reject(panicked && lastPanic ? new Error(`Schema engine panicked: ${lastPanic}`) : e);
    };
    process.on("uncaughtException", onUncaught);
  });
  try {
    return await Promise.race([work, crashed]);
  } finally {
    if (onUncaught) process.off("uncaughtException", onUncaught);
  }
}

/** Engine errors arrive as plain objects/strings; make them readable Errors. */
function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  return new Error(typeof e === "string" ? e : JSON.stringify(e, null, 2));
}

/** The engine renders an empty diff as a comment-only script ("-- This is an empty migration."). */
function isEmptyScript(sql: string): boolean {
  return sql.split("\n").every((l) => l.trim() === "" || l.trim().startsWith("--"));
}

/**
 * Returns the SQL that migrates the database at `fromUrl` to the datamodel in
 * `schemaFiles`, or "" when they already match. Only reads from the database.
 */
export async function diffSchemaToSql(opts: DiffSchemaOptions): Promise<string> {
  const SchemaEngineWasm = loadSchemaEngine();
  // We own the pool (PrismaPg leaves external pools open), so we close it ourselves
  // and the caller can drop the database afterwards.
  const pool = new pg.Pool({ connectionString: opts.fromUrl, max: 2 });
  hookQuery(pool);
  pool.on("connect", (client) => hookQuery(client));
  const pgFactory = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: pgFactory.provider,
    adapterName: pgFactory.adapterName,
    connect: async () => withCharSupport(await pgFactory.connect()),
    connectToShadowDb: async () => withCharSupport(await pgFactory.connectToShadowDb()),
  };
  let engine: SchemaEngine | undefined;
  try {
    const datamodels = opts.schemaFiles.map((f): [string, string] => [f.path, f.content]);
    const log = (line: string) => opts.onLog?.(line);
    engine = await guardPanics(SchemaEngineWasm.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(factory)));
    const result = await guardPanics(
      engine.diff({
        // "schemaDatasource" = the live database behind the adapter (Prisma 7 schemas carry no url).
        from: { tag: "schemaDatasource", files: opts.schemaFiles, configDir: process.cwd() },
        to: { tag: "schemaDatamodel", files: opts.schemaFiles },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    const sql = result.stdout ?? "";
    return isEmptyScript(sql) ? "" : sql;
  } catch (e) {
    throw toError(e);
  } finally {
    if (!panicked) {
      engine?.free();
      await pool.end();
    } else {
      void pool.end(); // a panicked engine may never release its client; don't wait for it
    }
  }
}
