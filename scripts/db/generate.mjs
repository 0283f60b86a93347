// Runs `prisma generate` on any machine: where Prisma's native schema engine
// cannot be downloaded, a stand-in answers the version check generate makes.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const standIn = fileURLToPath(new URL("./offline-schema-engine.sh", import.meta.url));
const enginesDir = fileURLToPath(new URL("../../node_modules/@prisma/engines/", import.meta.url));
const hasNativeEngine = existsSync(enginesDir) &&
  (await import("node:fs")).readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!hasNativeEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;

const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
