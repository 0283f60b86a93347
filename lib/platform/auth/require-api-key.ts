import type { OrderChannel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/platform/db/prisma";
import { authenticateApiKey } from "./api-keys";

type ApiKey = { id: string; name: string; channel: OrderChannel | null };

/**
 * "monitor": a key with no channel, for reading and reporting on every order.
 * "channel": a sales channel's key, which sends and follows only its own orders.
 * "any": any live key, for what reveals no order (the store picker's pickup options).
 */
export type ApiKeyKind = "monitor" | "channel" | "any";

const MISSING: Record<ApiKeyKind, string> = {
  monitor: "Send a valid API key as `Authorization: Bearer <key>` (create one at /ops/systems).",
  channel: "Send your channel's API key as `Authorization: Bearer <key>` (an admin creates it at /ops/systems).",
  any: "Send an API key as `Authorization: Bearer <key>` (an admin creates it at /ops/systems).",
};

/**
 * The caller's API key, or the response that refuses it: 401 without a valid key, 403
 * with the wrong kind. `doing` finishes the 403's sentence ("send observations").
 */
type KeyOf<K extends ApiKeyKind> = K extends "channel" ? ApiKey & { channel: Exclude<OrderChannel, "WEB"> } : ApiKey;

export async function requireApiKey<K extends ApiKeyKind>(db: Db, request: Request, kind: K, doing: string): Promise<{ ok: true; key: KeyOf<K> } | { ok: false; response: Response }> {
  const key = await authenticateApiKey(db, request.headers);
  if (!key) return { ok: false, response: Response.json({ error: MISSING[kind] }, { status: 401 }) };
  // A sales channel's key sends its own orders; it may not read other orders' customers.
  if (kind === "monitor" && key.channel) {
    return { ok: false, response: Response.json({ error: `A sales channel's key cannot ${doing}; use a key with no channel.` }, { status: 403 }) };
  }
  if (kind === "channel" && (!key.channel || key.channel === "WEB")) {
    return { ok: false, response: Response.json({ error: `This API key is not a sales channel's key, so it cannot ${doing}.` }, { status: 403 }) };
  }
  return { ok: true, key: key as KeyOf<K> };
}
