import type { Tx } from "@/lib/platform/db/prisma";
import type { StockLevel } from "@/lib/oms/inventory/availability";
import type { StockedItem } from "./resolve-skus";
import { stockEffect, type CountedLevel } from "./sequence-rules";
import { STOCK_KIND_ENUM, type StockFeedMessage } from "./stock-feed-request";

export type MessageOutcome = "applied" | "duplicate" | "stale";
export type MessageResult = { id: string; outcome: MessageOutcome; note?: string };

/** What the request did to one store+product in the OMS's ledger. */
export type LevelChange = { item: StockedItem; before: StockLevel; after: StockLevel; counted: boolean };

// A fresh message's row is written before its outcome is known, so a concurrent request
// with the same id waits on it and then sees a duplicate; the outcome is filled in below.
const PENDING = "pending";

type LockedLevel = { id: string; onHand: number; allocated: number; safetyStock: number; countSequence: bigint };

/** Net on-hand movement already applied after `sequence` for one SKU (see stockEffect). */
async function movementsAfter(tx: Tx, storeId: string, sku: string, sequence: bigint): Promise<number> {
  const [row] = await tx.$queryRaw<{ net: number }[]>`
    SELECT COALESCE(SUM(CASE WHEN "kind" IN ('SALE', 'DAMAGE') THEN -"quantity" ELSE "quantity" END), 0)::int AS "net"
      FROM "StockMessage"
     WHERE "storeId" = ${storeId}::uuid AND "sku" = ${sku} AND "sequence" > ${sequence} AND "kind" <> 'COUNT' AND "outcome" = 'applied'`;
  return row?.net ?? 0;
}

/**
 * Applies a validated request's messages to the store's ledger, in the POS's sequence
 * order, recording each message once with its outcome. Results come back in request
 * order; changes list each store+product at least one message moved.
 */
export async function applyStockMessages(
  tx: Tx,
  storeId: string,
  messages: StockFeedMessage[],
  items: Map<string, StockedItem>,
): Promise<{ results: MessageResult[]; changes: LevelChange[] }> {
  const levelIds = [...new Set([...items.values()].map((item) => item.levelId))];
  // Locked by product, the order checkout allocates in (one store), so two feed requests or a
  // feed request and a multi-item checkout queue up instead of deadlocking.
  const locked = await tx.$queryRaw<LockedLevel[]>`
    SELECT "id", "onHand", "allocated", "safetyStock", "countSequence" FROM "InventoryLevel"
     WHERE "id" = ANY(${levelIds}::uuid[]) ORDER BY "productId" FOR UPDATE`;
  const lockedById = new Map(locked.map((level) => [level.id, level]));

  const written = await tx.stockMessage.createManyAndReturn({
    data: messages.map((message) => ({
      storeId,
      messageId: message.id,
      sequence: BigInt(message.sequence),
      kind: STOCK_KIND_ENUM[message.kind],
      sku: message.sku,
      quantity: message.quantity,
      outcome: PENDING,
    })),
    skipDuplicates: true,
    select: { messageId: true },
  });
  const fresh = new Set(written.map((row) => row.messageId));

  const states = new Map<string, { item: StockedItem; before: LockedLevel; level: CountedLevel; applied: number; counted: boolean }>();
  for (const item of items.values()) {
    const before = lockedById.get(item.levelId);
    if (!before) throw new Error(`Inventory level ${item.levelId} vanished while the stock feed applied.`);
    states.set(item.sku, { item, before, level: { onHand: before.onHand, countSequence: before.countSequence }, applied: 0, counted: false });
  }

  const results: MessageResult[] = new Array(messages.length);
  const outcomeIds = { applied: [] as string[], stale: [] as string[] };
  const bySequence = messages.map((message, index) => ({ message, index })).sort((a, b) => a.message.sequence - b.message.sequence || a.index - b.index);
  for (const { message, index } of bySequence) {
    if (!fresh.has(message.id)) {
      results[index] = { id: message.id, outcome: "duplicate" };
      continue;
    }
    const state = states.get(message.sku)!;
    const sequence = BigInt(message.sequence);
    const later = message.kind === "count" && sequence > state.level.countSequence ? await movementsAfter(tx, storeId, message.sku, sequence) : 0;
    const effect = stockEffect(state.level, { kind: message.kind, sequence, quantity: message.quantity }, later);
    if (effect.outcome === "stale") {
      results[index] = { id: message.id, outcome: "stale", note: `sequence ${message.sequence} is not after the last count applied (sequence ${state.level.countSequence})` };
      outcomeIds.stale.push(message.id);
      continue;
    }
    state.level = effect.level;
    state.applied++;
    state.counted ||= message.kind === "count";
    results[index] = effect.clamped
      ? { id: message.id, outcome: "applied", note: "on-hand would have gone below 0, so it is 0" }
      : { id: message.id, outcome: "applied" };
    outcomeIds.applied.push(message.id);
  }

  for (const outcome of ["applied", "stale"] as const) {
    if (outcomeIds[outcome].length > 0) {
      await tx.stockMessage.updateMany({ where: { storeId, messageId: { in: outcomeIds[outcome] } }, data: { outcome } });
    }
  }

  const moved = [...states.values()].filter((state) => state.applied > 0);
  // Every moved level in one statement: a request carries up to 500 messages.
  if (moved.length > 0) {
    await tx.$executeRaw`
      UPDATE "InventoryLevel" l SET "onHand" = m."onHand", "countSequence" = m."countSequence", "updatedAt" = now()
        FROM unnest(${moved.map((state) => state.item.levelId)}::uuid[], ${moved.map((state) => state.level.onHand)}::int[],
                    ${moved.map((state) => String(state.level.countSequence))}::bigint[]) AS m("id", "onHand", "countSequence")
       WHERE l."id" = m."id"`;
  }
  const changes: LevelChange[] = [];
  for (const state of moved) {
    const { allocated, safetyStock } = state.before;
    changes.push({
      item: state.item,
      before: { onHand: state.before.onHand, allocated, safetyStock },
      after: { onHand: state.level.onHand, allocated, safetyStock },
      counted: state.counted,
    });
  }
  return { results, changes };
}
