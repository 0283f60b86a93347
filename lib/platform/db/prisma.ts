import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/platform/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const connectionString = readEnv().DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Handoff with `npm start`, which provides the database.");
  }
  // Prisma stores DateTime as UTC without a zone; a UTC session makes SQL's now() agree with it.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 20, options: "-c TimeZone=UTC" }) });
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
