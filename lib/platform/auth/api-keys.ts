import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlOf, type Db } from "@/lib/platform/db/prisma";
import type { OrderChannel } from "@/lib/generated/prisma/enums";

// Keys carry 256 random bits, so a plain SHA-256 of the key is a safe lookup hash: there
// is nothing to guess, and checking a request costs one indexed read.

const KEY_PREFIX = "hk_";

const LAST_USED_RESOLUTION_MS = 60_000;

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

export const apiKeyNameSchema = z.string().trim().min(1, "Name the key after who will use it.").max(80, "Keep the name to 80 characters.");

/** Empty for a read-only key, or the sales channel whose orders the key may send. */
export const apiKeyChannelSchema = z
  .enum(["", "MARKETPLACE", "STOREFRONT_PLATFORM"], "Choose a sales channel or none.")
  .transform((channel) => (channel === "" ? null : channel));

/** Creates a key; the full key is returned this once and never stored. */
export async function createApiKey(db: Db, name: string, channel: OrderChannel | null = null): Promise<{ id: string; key: string }> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiKey.create({ data: { name, channel, prefix: key.slice(0, 10), keyHash: hashKey(key) } });
  return { id: row.id, key };
}

export async function revokeApiKey(db: Db, id: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** The key a request presents (`Authorization: Bearer …` or `x-api-key`), if it is live. */
export async function authenticateApiKey(db: Db, headers: Headers): Promise<{ id: string; name: string; channel: OrderChannel | null } | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  const key = bearer ?? headers.get("x-api-key");
  if (!key || !key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  // Plain SQL: every machine request starts here.
  const sql = sqlOf(db);
  const [row] = (await sql.query<{ id: string; name: string; channel: OrderChannel | null; revokedAt: Date | null; lastUsedAt: Date | null }>(Prisma.sql`
    SELECT "id", "name", "channel"::text AS "channel", "revokedAt", "lastUsedAt" FROM "ApiKey" WHERE "keyHash" = ${hashKey(key)}`)).rows;
  if (!row || row.revokedAt) return null;
  // "Last used" needs no finer than a minute; writing it on every request would make a busy
  // key's row the hottest in the database.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await sql.query(Prisma.sql`
      UPDATE "ApiKey" SET "lastUsedAt" = ${now}::timestamp
       WHERE "id" = ${row.id}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now.getTime() - LAST_USED_RESOLUTION_MS)}::timestamp)`);
  }
  return { id: row.id, name: row.name, channel: row.channel };
}
