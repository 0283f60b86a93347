import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Plain `pg` for the hot paths (checkout placement): a statement costs the client about a
 * tenth of what a Prisma call does, and a transaction here is two round trips of its own
 * (BEGIN, COMMIT) where an interactive Prisma transaction costs more than a millisecond of CPU.
 * It runs on the Prisma client's own pool, and statements are built with `Prisma.sql`, so
 * fragments are shared with the Prisma paths.
 */
export type SqlClient = {
  query<Row>(statement: Prisma.Sql): Promise<{ rows: Row[]; rowCount: number }>;
};

export type SqlDb = SqlClient & {
  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
};

const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const TEXT_ARRAY = 1009;
type TypeParserOf = (oid: number, format?: "text" | "binary") => (value: string) => unknown;
const builtinParser = pg.types.getTypeParser as TypeParserOf;

// Prisma keeps DateTime as UTC in `timestamp` columns; read them as UTC, whatever the process's zone.
const parseUtc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

/** The pool's type parsers (Prisma's own queries bring theirs). */
export const utcTimestampTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return parseUtc;
    if (oid === TIMESTAMP_ARRAY) {
      const parseArray = builtinParser(TEXT_ARRAY);
      return (value: string) => (parseArray(value) as (string | null)[]).map((item) => (item === null ? null : parseUtc(item)));
    }
    return builtinParser(oid, format);
  },
} as pg.CustomTypesConfig;

// And write them as UTC: pg would send a Date in the process's zone, which `timestamp` drops.
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

function clientOf(connection: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async query<Row>(statement: Prisma.Sql) {
      const result = await connection.query(statement.text, statement.values.map(toParameter));
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

export function sqlOnPool(pool: pg.Pool): SqlDb {
  return {
    ...clientOf(pool),
    async transaction(work) {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query("BEGIN");
        const result = await work(clientOf(connection));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        // A connection that cannot even roll back is closed rather than handed to the next caller.
        await connection.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        connection.release(broken);
      }
    },
  };
}
