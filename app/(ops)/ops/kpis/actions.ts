"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { z } from "zod";
import { OPS_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { formatAccuracy, INVENTORY_ACCURACY_TARGET, meetsAccuracyTarget } from "@/lib/monitor/inventory-accuracy/accuracy";
import { checkInventoryAccuracy, inventoryAccuracyCheckRunning } from "@/lib/monitor/inventory-accuracy/run-inventory-accuracy";

/** Checks every store item's inventory accuracy now and reports the result (managers and admins). */
export async function checkInventoryAccuracyAction(): Promise<ActionResult> {
  return withStaff({ roles: OPS_ROLES, denied: "Only a manager or an admin can check inventory accuracy." }, z.undefined(), undefined, checkNow);
}

async function checkNow(): Promise<ActionResult> {
  const db = getDb();
  if (await inventoryAccuracyCheckRunning(db)) return { ok: false, message: "An inventory accuracy check is already running." };
  const result = await checkInventoryAccuracy(db, { trigger: "manual" }).catch((error: unknown) => error as Error);
  revalidatePath("/ops/kpis");
  if (result instanceof Error) return { ok: false, message: `The check failed: ${result.message}` };
  const items = `${result.itemsChecked} ${result.itemsChecked === 1 ? "item" : "items"}`;
  if (result.accuracy === null) return { ok: true, message: `Checked ${items}: nothing to compare yet.` };
  const verdict = meetsAccuracyTarget(result.accuracy) ? "meets" : "below";
  return {
    ok: true,
    message: `Checked ${items}: ${result.itemsMismatched} mismatched, accuracy ${formatAccuracy(result.accuracy)} (${verdict} the ${INVENTORY_ACCURACY_TARGET * 100}% target).`,
  };
}
