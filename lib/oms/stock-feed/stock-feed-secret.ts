import type { Db } from "@/lib/platform/db/prisma";
import { newSigningSecret } from "@/lib/bus/signing";

/** A store as the secrets list shows it: whether its POS can sign, never the secret itself. */
export type StockFeedStore = { code: string; name: string; hasSecret: boolean; secretPrefix: string | null };

/** How much of a secret the list shows, to tell secrets apart (as API keys show their prefix). */
const SHOWN_PREFIX_LENGTH = 10;

export async function listStockFeedStores(db: Db): Promise<StockFeedStore[]> {
  const stores = await db.store.findMany({ select: { code: true, name: true, stockFeedSecret: true }, orderBy: { code: "asc" } });
  return stores.map((store) => ({
    code: store.code,
    name: store.name,
    hasSecret: store.stockFeedSecret !== null,
    secretPrefix: store.stockFeedSecret?.slice(0, SHOWN_PREFIX_LENGTH) ?? null,
  }));
}

/**
 * Gives a store's POS a new stock feed secret (its first, or a replacement): the old one
 * stops verifying at once. Returns the secret for the admin to copy, or null for an
 * unknown store.
 */
export async function rotateStockFeedSecret(db: Db, storeCode: string): Promise<{ storeCode: string; secret: string } | null> {
  const secret = newSigningSecret();
  const { count } = await db.store.updateMany({ where: { code: storeCode }, data: { stockFeedSecret: secret } });
  return count === 1 ? { storeCode, secret } : null;
}
