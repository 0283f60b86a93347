import type { Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { atCommit } from "@/lib/platform/db/commit-hooks";

export type LevelMove = { storeId: string; productId: string; quantity: number; leavesTheStore: boolean };

// Stock moves gathered in a transaction that writes them at its end (see withCommitHooks).
const pendingMoves = new WeakMap<Tx, LevelMove[]>();

/**
 * Ends every still-held reservation of an order, once: RELEASED puts the units back to
 * available (cancel, no-show); CONSUMED takes them out of on-hand as well (pickup).
 * A reservation already released or consumed is left alone, so a second call changes
 * nothing. Returns how many reservations it closed.
 *
 * The stock levels move in the same transaction: in this statement, or, in a transaction
 * that runs commit hooks (a receiver's batch), all at its end in one statement, in store and
 * product order, so batches that close reservations at several stores cannot deadlock.
 */
export async function closeReservations(tx: Tx, orderId: string, at: Date, outcome: "RELEASED" | "CONSUMED"): Promise<number> {
  const leavesTheStore = outcome === "CONSUMED";
  const closing = Prisma.sql`
    closed AS (
      UPDATE "Reservation" r
         SET "status" = ${outcome}::"ReservationStatus",
             "releasedAt" = CASE WHEN ${outcome} = 'RELEASED' THEN ${at} ELSE r."releasedAt" END,
             "consumedAt" = CASE WHEN ${outcome} = 'CONSUMED' THEN ${at} ELSE r."consumedAt" END
        FROM "OrderLine" l
       WHERE r."orderLineId" = l."id" AND l."orderId" = ${orderId}::uuid AND r."status" = 'HELD'
      RETURNING r."storeId", r."productId", r."quantity")`;
  if (defersLevelMoves(tx)) {
    const closed = await tx.$queryRaw<{ storeId: string; productId: string; quantity: number }[]>`WITH ${closing} SELECT * FROM closed`;
    await releaseLevels(tx, closed.map((row) => ({ ...row, leavesTheStore })));
    return closed.length;
  }
  // One statement: the reservations close and the ledger rows they held move with them.
  const [row] = await tx.$queryRaw<{ closed: number }[]>`
    WITH ${closing},
    held AS (SELECT "storeId", "productId", sum("quantity")::int AS "quantity" FROM closed GROUP BY "storeId", "productId"),
    -- Runs whether or not it is read, as every data-modifying WITH does.
    moved AS (
      UPDATE "InventoryLevel" i
         SET "allocated" = GREATEST(0, i."allocated" - held."quantity"),
             "onHand" = GREATEST(0, i."onHand" - held."quantity" * ${leavesTheStore ? 1 : 0}::int),
             "updatedAt" = now()
        FROM held
       WHERE i."storeId" = held."storeId" AND i."productId" = held."productId")
    SELECT count(*)::int AS "closed" FROM closed`;
  return row?.closed ?? 0;
}

/** Whether `tx` gathers stock level moves for its end (a receiver's batch). */
function defersLevelMoves(tx: Tx): boolean {
  return atCommit(tx, "stock level moves", () => {
    const moves = pendingMoves.get(tx) ?? [];
    pendingMoves.delete(tx);
    return moveLevels(tx, moves);
  });
}

/**
 * Gives held units back to their stores' levels (and takes them off on-hand when they left
 * the store): at the end of a transaction that gathers moves, else now. For a caller that
 * ended reservations itself (a reroute moves them to another store).
 */
export async function releaseLevels(tx: Tx, moves: LevelMove[]): Promise<void> {
  if (moves.length === 0) return;
  if (!defersLevelMoves(tx)) return moveLevels(tx, moves);
  pendingMoves.set(tx, [...(pendingMoves.get(tx) ?? []), ...moves]);
}

/** Moves in one statement: levels locked in store and product order, then moved. */
async function moveLevels(tx: Tx, moves: LevelMove[]): Promise<void> {
  if (moves.length === 0) return;
  await tx.$executeRaw`
    WITH moves AS (
      SELECT "storeId", "productId", sum("quantity")::int AS "released", sum(CASE WHEN "leaves" THEN "quantity" ELSE 0 END)::int AS "consumed"
        FROM unnest(${moves.map((move) => move.storeId)}::uuid[], ${moves.map((move) => move.productId)}::uuid[], ${moves.map((move) => move.quantity)}::int[],
                    ${moves.map((move) => move.leavesTheStore)}::boolean[]) AS m("storeId", "productId", "quantity", "leaves")
       GROUP BY 1, 2),
    locked AS (
      SELECT i."storeId", i."productId" FROM "InventoryLevel" i JOIN moves USING ("storeId", "productId")
       ORDER BY i."storeId", i."productId" FOR UPDATE OF i)
    UPDATE "InventoryLevel" i
       SET "allocated" = GREATEST(0, i."allocated" - moves."released"),
           "onHand" = GREATEST(0, i."onHand" - moves."consumed"),
           "updatedAt" = now()
      FROM locked JOIN moves USING ("storeId", "productId")
     WHERE i."storeId" = locked."storeId" AND i."productId" = locked."productId"`;
}
