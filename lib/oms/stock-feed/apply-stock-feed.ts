import { announcedIn, wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { announceAvailabilityChange } from "./announce-availability";
import { applyStockMessages, type MessageResult } from "./apply-messages";
import type { FeedStore } from "./authenticate-store";
import { flagShortOrders } from "./flag-short-orders";
import type { StockedItem } from "./resolve-skus";
import type { StockFeedMessage } from "./stock-feed-request";

/**
 * Applies a validated, authenticated request in one transaction: the ledger moves, every
 * message is recorded, the storefront's availability change and any shortfall alerts
 * are written to the outbox, all or nothing. The workers are woken after the commit.
 */
export async function applyStockFeed(db: Db, store: FeedStore, messages: StockFeedMessage[], items: Map<string, StockedItem>): Promise<MessageResult[]> {
  let announced = false;
  const results = await db.$transaction(
    async (tx) => {
      const { results, changes } = await applyStockMessages(tx, store.id, messages, items);
      await announceAvailabilityChange(tx, store.code, changes);
      await flagShortOrders(tx, store, changes);
      announced = announcedIn(tx);
      return results;
    },
    { timeout: 30_000 },
  );
  if (announced) await wakeDispatcher(db);
  return results;
}
