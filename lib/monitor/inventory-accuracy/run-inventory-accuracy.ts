import type { Db } from "@/lib/platform/db/prisma";
import { accuracyOf } from "./accuracy";
import { compareItem } from "./compare-item";
import { readLedgerItems, readUnledgeredItems, type StoreItem } from "./read-items";

/** Ledger rows changed more recently than this are still settling: the WMS and storefront hear of it over the bus. */
export const INVENTORY_ACCURACY_GRACE_SECONDS = 120;
/** A run still "running" after this long was abandoned (its worker stopped) and no longer blocks a manual check. */
const ABANDONED_AFTER_MINUTES = 30;
const PAGE = 5_000;

export type InventoryAccuracyOptions = {
  trigger: "scheduled" | "manual";
  now?: Date;
  /** One store's items only, or every store when absent. */
  storeId?: string;
  graceSeconds?: number;
};

export type InventoryAccuracyResult = { runId: string; itemsChecked: number; itemsMismatched: number; accuracy: number | null };

/** Starts a run and carries it out, returning its figures. */
export async function checkInventoryAccuracy(db: Db, options: InventoryAccuracyOptions): Promise<InventoryAccuracyResult> {
  const run = await db.inventoryAccuracyRun.create({ data: { trigger: options.trigger, storeId: options.storeId ?? null, startedAt: options.now ?? new Date() } });
  return runInventoryAccuracy(db, run.id, options);
}

/** Whether a check started recently is still going, so a second one is not started beside it. */
export async function inventoryAccuracyCheckRunning(db: Db, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - ABANDONED_AFTER_MINUTES * 60_000);
  return (await db.inventoryAccuracyRun.count({ where: { status: "running", startedAt: { gt: since } } })) > 0;
}

/**
 * One pass over every store item, a page of ledger rows at a time: compares the ledger's
 * allocated units with the live reservations and the WMS's held units, and the storefront's
 * cache with available-to-promise; records each item that disagrees with its figures and
 * leaves the run's accuracy (accurate items over items checked).
 */
export async function runInventoryAccuracy(db: Db, runId: string, options: InventoryAccuracyOptions): Promise<InventoryAccuracyResult> {
  const now = options.now ?? new Date();
  try {
    const settledBefore = new Date(now.getTime() - (options.graceSeconds ?? INVENTORY_ACCURACY_GRACE_SECONDS) * 1000);
    let itemsChecked = 0;
    let itemsMismatched = 0;
    const itemsByStore: Record<string, number> = {};

    const record = async (items: StoreItem[]) => {
      const mismatches = [];
      for (const item of items) {
        itemsByStore[item.storeCode] = (itemsByStore[item.storeCode] ?? 0) + 1;
        const { availableToPromise, kinds } = compareItem(item);
        if (kinds.length === 0) continue;
        mismatches.push({
          runId,
          storeCode: item.storeCode,
          sku: item.sku,
          kinds,
          onHand: item.onHand,
          allocated: item.allocated,
          safetyStock: item.safetyStock,
          reservedUnits: item.reservedUnits,
          checkoutHeldUnits: item.checkoutHeldUnits,
          wmsHeldUnits: item.wmsHeldUnits,
          storefrontAvailable: item.storefrontAvailable,
          availableToPromise,
        });
      }
      if (mismatches.length > 0) await db.inventoryAccuracyMismatch.createMany({ data: mismatches });
      itemsChecked += items.length;
      itemsMismatched += mismatches.length;
      await db.inventoryAccuracyRun.update({ where: { id: runId }, data: { itemsChecked, itemsMismatched } });
    };

    let afterId: string | null = null;
    for (;;) {
      const page = await readLedgerItems(db, { storeId: options.storeId, settledBefore }, afterId, PAGE);
      if (page.length === 0) break;
      afterId = page.at(-1)!.id;
      await record(page);
      if (page.length < PAGE) break;
    }
    await record(await readUnledgeredItems(db, { storeId: options.storeId }));

    const accuracy = accuracyOf(itemsChecked, itemsMismatched);
    await db.inventoryAccuracyRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date(), accuracy, itemsByStore } });
    return { runId, itemsChecked, itemsMismatched, accuracy };
  } catch (error) {
    await db.inventoryAccuracyRun.update({
      where: { id: runId },
      data: { status: "failed", finishedAt: new Date(), error: String((error as Error).message ?? error).slice(0, 500) },
    });
    throw error;
  }
}
