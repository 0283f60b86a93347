import { randomBytes } from "node:crypto";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/platform/db/embedded-postgres";
import { scratchDatabaseOn } from "../support/scratch-database";
import { disconnectDb, getDb, type Db } from "@/lib/platform/db/prisma";

/**
 * A fresh, migrated database for one benchmark run (on BENCH_DATABASE_SERVER_URL or an
 * embedded server under .data/bench), dropped afterwards; plus an always-open store.
 */
export async function withBenchDatabase<T>(work: (db: Db, url: string) => Promise<T>, settings: Record<string, string> = {}): Promise<T> {
  let server: RunningPostgres | undefined;
  let serverUrl = process.env.BENCH_DATABASE_SERVER_URL;
  if (!serverUrl) {
    server = await startEmbeddedPostgres({ dataDir: ".data/bench", settings });
    serverUrl = server.serverUrl;
  }
  const database = await scratchDatabaseOn(serverUrl, "handoff_bench");
  const { url } = database;
  try {
    process.env.DATABASE_URL = url;
    process.env.HANDOFF_SECRET ??= randomBytes(32).toString("hex");
    return await work(getDb(), url);
  } finally {
    await disconnectDb();
    await database.drop();
    await server?.stop();
  }
}

export function createBenchStore(db: Db, code = "BENCH") {
  return db.store.create({
    data: {
      code, name: `Bench Store ${code}`, addressLine: "1 Bench St", city: "Austin", state: "TX", postalCode: "78701", phone: "(512) 555-0100",
      timeZone: "UTC", latitude: 30.27, longitude: -97.74, prepMinutes: 15, pickers: 1_000_000, slotCapacity: 1_000_000, holdHours: 72,
      hours: { create: Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: 0, closesAtMin: 1440 })) },
    },
  });
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
