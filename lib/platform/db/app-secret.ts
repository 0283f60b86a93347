import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * HANDOFF_SECRET when set; otherwise one generated on first start and kept in the
 * data folder, so pickup codes stay valid across restarts of a local install.
 */
export async function resolveAppSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, "app-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** A separate key for another purpose (e.g. session cookies), so one leak does not expose the other. */
export function deriveSecret(appSecret: string, purpose: string): string {
  return createHmac("sha256", appSecret).update(purpose).digest("base64url");
}
