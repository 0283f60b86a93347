import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/platform/env";
import { sqlOnPool, utcTimestampTypes, type SqlDb } from "./sql";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Kept on the client itself under a registered symbol: Next.js may load this module more than
// once (one copy per server bundle), and every copy must find the pool of the one shared client.
const SQL = Symbol.for("handoff.sql");
type WithSql = PrismaClient & { [SQL]?: SqlDb };

/**
 * A Prisma client on a pool of its own, with plain `pg` on the same pool for the hot paths
 * (`sqlOf`). Prisma stores DateTime as UTC without a zone; a UTC session makes SQL's now() agree.
 */
export function createDb(connectionString: string, poolOptions: pg.PoolConfig = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: 20, options: "-c TimeZone=UTC", types: utcTimestampTypes, ...poolOptions });
  // An idle connection the server closed (a restart, a failover, a dropped database) leaves the
  // pool; the next query opens another. Unheard, the pool's error would end the process.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as WithSql)[SQL] = sqlOnPool(pool);
  return client;
}

/** Plain `pg` on the client's own pool. */
export function sqlOf(db: Db): SqlDb {
  const sql = (db as WithSql)[SQL];
  if (!sql) throw new Error("This Prisma client was not made by createDb, so it has no pool for plain SQL.");
  return sql;
}

function createClient(): PrismaClient {
  const connectionString = readEnv().DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Handoff with `npm start`, which provides the database.");
  }
  return createDb(connectionString);
}

// One client per process; dev hot reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { handoffPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.handoffPrisma ??= createClient();
  return globalForPrisma.handoffPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.handoffPrisma?.$disconnect();
  globalForPrisma.handoffPrisma = undefined;
}
