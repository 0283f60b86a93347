import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { Tx } from "@/lib/platform/db/prisma";
import { OPEN_ORDER_STATUSES } from "@/lib/oms/orders/order-status";
import type { FeedStore } from "./authenticate-store";
import type { LevelChange } from "./apply-messages";

// Orders still to be handed over: their held units are expected on the shelf or in a bin.

export type ShortLine = { sku: string; name: string; onHand: number; held: number };

/** What the associate reads on the order's card and page. */
export function stockShortMessage(lines: ShortLine[], counted: boolean): string {
  const source = counted ? "Stock count" : "The store's stock";
  const parts = lines.map((line) => `${line.onHand} of ${line.name} on hand but ${line.held} ${line.held === 1 ? "is" : "are"} held for orders`);
  return `${source} shows ${parts.join("; ")} — check the shelf before picking.`;
}

const isShort = (level: { onHand: number; allocated: number }) => level.onHand < level.allocated;

/**
 * When the store now holds fewer units of an item than are allocated to orders, tells the
 * POS about every open order holding that item, so an associate checks the shelf before
 * the customer arrives. Each alert covers all of the order's items that are short now,
 * so the latest one the POS shows is complete. An order whose last alert no longer holds
 * (a recount, or a cancellation freed units since) gets an alert with no lines, which
 * clears it. Returns how many orders were told.
 */
export async function flagShortOrders(tx: Tx, store: FeedStore, changes: LevelChange[]): Promise<number> {
  if (changes.length === 0) return 0;
  const shortNowOrBefore = new Set(changes.filter((change) => isShort(change.after) || isShort(change.before)).map((change) => change.item.productId));
  const orders = await tx.order.findMany({
    where: { storeId: store.id, status: { in: OPEN_ORDER_STATUSES }, lines: { some: { productId: { in: changes.map((change) => change.item.productId) }, reservation: { is: { status: "HELD" } } } } },
    select: { id: true, number: true, lines: { where: { reservation: { is: { status: "HELD" } } }, select: { productId: true, sku: true, name: true } } },
    orderBy: { number: "asc" },
  });
  if (orders.length === 0) return 0;
  const productIds = [...new Set(orders.flatMap((order) => order.lines.map((line) => line.productId)))];
  // Read after this request's updates, in the same transaction: the figures are the new ones.
  const [levels, lastAlerts] = await Promise.all([
    tx.inventoryLevel.findMany({ where: { storeId: store.id, productId: { in: productIds } }, select: { productId: true, onHand: true, allocated: true } }),
    tx.$queryRaw<{ orderId: string; message: string | null }[]>`
      SELECT DISTINCT ON ("orderId") "orderId"::text AS "orderId", "payload"->>'message' AS "message"
        FROM "OutboxEvent"
       WHERE "type" = ${EVENT.orderStockShort} AND "orderId" = ANY(${orders.map((order) => order.id)}::uuid[])
       ORDER BY "orderId", "position" DESC`,
  ]);
  const levelOf = new Map(levels.map((level) => [level.productId, level]));
  const alerted = new Set(lastAlerts.filter((alert) => alert.message !== null).map((alert) => alert.orderId));
  const counted = changes.some((change) => change.counted);

  let told = 0;
  for (const order of orders) {
    const lines = order.lines.flatMap((line): ShortLine[] => {
      const level = levelOf.get(line.productId);
      return level && isShort(level) ? [{ sku: line.sku, name: line.name, onHand: level.onHand, held: level.allocated }] : [];
    });
    const raise = lines.length > 0 && order.lines.some((line) => shortNowOrBefore.has(line.productId));
    const clear = lines.length === 0 && alerted.has(order.id);
    if (!raise && !clear) continue;
    await writeOutboxEvent(tx, {
      type: EVENT.orderStockShort,
      orderId: order.id,
      payload: { orderNumber: order.number, storeCode: store.code, lines, message: lines.length > 0 ? stockShortMessage(lines, counted) : null },
    });
    told++;
  }
  return told;
}
