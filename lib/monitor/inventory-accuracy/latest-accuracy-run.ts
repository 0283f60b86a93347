import type { Db } from "@/lib/platform/db/prisma";
import { accuracyOf } from "./accuracy";
import type { ItemFigures, MismatchKind } from "./compare-item";

export type AccuracyShare = { itemsChecked: number; itemsMismatched: number; accuracy: number | null };

export type AccuracyMismatchRow = ItemFigures & { storeCode: string; sku: string; kinds: MismatchKind[]; availableToPromise: number };

export type LatestAccuracyRun = {
  runId: string;
  trigger: string;
  finishedAt: Date;
  /** The whole run, or the chosen store's share of it. */
  figures: AccuracyShare;
  /** The first mismatches (of the chosen store when there is one), by store and SKU. */
  mismatches: AccuracyMismatchRow[];
};

/**
 * The latest finished accuracy check covering every store (or, for one store, the latest
 * covering that store), with its figures and first mismatches; null when none has finished.
 */
export async function latestAccuracyRun(db: Db, store?: { id: string; code: string }, limit = 50): Promise<LatestAccuracyRun | null> {
  const run = await db.inventoryAccuracyRun.findFirst({
    where: { status: "done", OR: [{ storeId: null }, ...(store ? [{ storeId: store.id }] : [])] },
    orderBy: { finishedAt: "desc" },
  });
  if (!run?.finishedAt) return null;
  const onlyStore = store ? { storeCode: store.code } : {};
  const mismatches = await db.inventoryAccuracyMismatch.findMany({
    where: { runId: run.id, ...onlyStore },
    orderBy: [{ storeCode: "asc" }, { sku: "asc" }],
    take: limit,
  });
  let figures: AccuracyShare = { itemsChecked: run.itemsChecked, itemsMismatched: run.itemsMismatched, accuracy: run.accuracy };
  if (store) {
    const itemsByStore = (run.itemsByStore ?? {}) as Record<string, number>;
    const itemsChecked = itemsByStore[store.code] ?? 0;
    const itemsMismatched = await db.inventoryAccuracyMismatch.count({ where: { runId: run.id, storeCode: store.code } });
    figures = { itemsChecked, itemsMismatched, accuracy: accuracyOf(itemsChecked, itemsMismatched) };
  }
  return {
    runId: run.id,
    trigger: run.trigger,
    finishedAt: run.finishedAt,
    figures,
    mismatches: mismatches.map((row) => ({
      storeCode: row.storeCode,
      sku: row.sku,
      kinds: row.kinds as MismatchKind[],
      onHand: row.onHand,
      allocated: row.allocated,
      safetyStock: row.safetyStock,
      reservedUnits: row.reservedUnits,
      checkoutHeldUnits: row.checkoutHeldUnits,
      wmsHeldUnits: row.wmsHeldUnits,
      storefrontAvailable: row.storefrontAvailable,
      availableToPromise: row.availableToPromise,
    })),
  };
}
