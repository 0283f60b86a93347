import { UNSAFE_TEXT_MESSAGE, unsafeTextPath } from "@/lib/http/unsafe-text";
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { verifySignedRequest } from "@/lib/bus/signing";
import { fieldErrors, parseJson } from "@/lib/systems/receive-event";
import { storeCodeSchema } from "./stock-feed-request";

export type FeedStore = { id: string; code: string };

export type Refusal = { ok: false; status: 400 | 401 | 404; body: { error: string; fields?: { path: string; message: string }[] } };

// The store is named in the body and each store signs with its own secret, so the body
// is read for its storeCode before the signature can be checked; nothing else in it is
// trusted until the signature holds.
const storeNamedSchema = z.looseObject({ storeCode: storeCodeSchema });

/**
 * The store a stock feed request comes from, once its Standard Webhooks signature (with
 * that store's secret) and timestamp (within five minutes) check out, and the parsed JSON.
 */
export async function authenticateStockFeed(db: Db, request: Request): Promise<{ ok: true; store: FeedStore; json: unknown } | Refusal> {
  const body = await request.text();
  const json = parseJson(body);
  if (!json.ok) return { ok: false, status: 400, body: { error: "The body is not valid JSON.", fields: [] } };
  const unsafe = unsafeTextPath(json.value);
  if (unsafe) return { ok: false, status: 400, body: { error: "The body holds text that cannot be stored.", fields: [{ path: unsafe, message: UNSAFE_TEXT_MESSAGE }] } };
  const named = storeNamedSchema.safeParse(json.value);
  if (!named.success) return { ok: false, status: 400, body: { error: "The request must name its store.", fields: fieldErrors(named.error) } };

  const store = await db.store.findUnique({ where: { code: named.data.storeCode }, select: { id: true, code: true, stockFeedSecret: true } });
  if (!store) return { ok: false, status: 404, body: { error: `There is no store "${named.data.storeCode}".` } };
  if (!store.stockFeedSecret) {
    return { ok: false, status: 401, body: { error: `Store ${store.code} has no stock feed secret yet; an admin creates one under Ops → Systems.` } };
  }
  const verification = verifySignedRequest(store.stockFeedSecret, body, request.headers);
  if (!verification.ok) return { ok: false, status: 401, body: { error: `Signature check failed: ${verification.reason}` } };
  return { ok: true, store: { id: store.id, code: store.code }, json: json.value };
}
