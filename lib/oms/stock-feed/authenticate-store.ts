import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { verifySignedRequest } from "@/lib/bus/signing";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { fieldErrors } from "@/lib/bus/receive-event";
import { storeCodeSchema } from "./stock-feed-request";

export type FeedStore = { id: string; code: string };

export type Refusal = { ok: false; status: 400 | 401 | 404 | 413; body: { error: string; fields?: { path: string; message: string }[] } };

// The store is named in the body and each store signs with its own secret, so the body
// is read for its storeCode before the signature can be checked; nothing else in it is
// trusted until the signature holds. The read is bounded and the parse held to the shared
// limits before any of that.
/** 500 messages of a few hundred bytes each, with room to spare. */
const MAX_FEED_BYTES = 512 * 1024;

const storeNamedSchema = z.looseObject({ storeCode: storeCodeSchema });

/**
 * The store a stock feed request comes from, once its Standard Webhooks signature (with
 * that store's secret) and timestamp (within five minutes) check out, and the parsed JSON.
 */
export async function authenticateStockFeed(db: Db, request: Request): Promise<{ ok: true; store: FeedStore; json: unknown } | Refusal> {
  const json = await readJsonBody(request, MAX_FEED_BYTES);
  if (!json.ok) return { ok: false, status: json.status, body: { error: json.error, fields: json.field ? [json.field] : [] } };
  const body = json.text;
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
