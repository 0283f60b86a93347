import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/platform/db/prisma";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.HANDOFF_SECRET ??= "test-secret-that-is-long-enough-for-hmac-keys";

afterAll(async () => {
  await disconnectDb();
});
