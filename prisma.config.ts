import "dotenv/config";
import { defineConfig } from "prisma/config";

// The CLI reads the datasource URL from here (Prisma 7). The app itself resolves
// its database in lib/platform/db (embedded PostgreSQL unless DATABASE_URL is set).
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/handoff" },
});
