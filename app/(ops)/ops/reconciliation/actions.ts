"use server";

import { z } from "zod";
import { OPS_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { describeResync, resyncAndConfirm } from "@/lib/monitor/cascade/resync-and-confirm";
import { startReconciliation } from "@/lib/monitor/cascade/reconcile";
import { getDb } from "@/lib/platform/db/prisma";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { int32 } from "@/lib/platform/http/int32";

const RECONCILERS = { roles: OPS_ROLES, denied: "Only a manager or an admin can run reconciliation." };

/** Starts a run now; the page follows its progress. */
export async function runReconciliationAction(): Promise<ActionResult> {
  return withStaff(RECONCILERS, z.undefined(), undefined, async () => {
    const db = getDb();
    if (await db.reconciliationRun.count({ where: { status: "running", startedAt: { gt: new Date(Date.now() - 30 * 60_000) } } })) {
      return { ok: false, message: "A reconciliation is already running." };
    }
    await startReconciliation(db, { trigger: "manual" });
    return { ok: true, message: "Reconciliation started." };
  });
}

const bulkSchema = z.object({ orderNumbers: z.array(int32().positive(), "Nothing to re-sync.").min(1, "Nothing to re-sync.").max(5_000) }, "Nothing to re-sync.");

/** Re-sends what every order of a mismatch group is missing (idempotent). */
export async function resyncOrdersAction(input: { orderNumbers: number[] }): Promise<ActionResult> {
  return withStaff({ roles: OPS_ROLES, denied: "Only a manager or an admin can re-sync orders." }, bulkSchema, input, async ({ orderNumbers }) => {
    const db = getDb();
    const orders = await db.order.findMany({ where: { number: { in: orderNumbers } }, select: { id: true } });
    if (orders.length === 0) return { ok: false, message: "None of those orders exist." };
    const outcomes = await resyncAndConfirm(db, orders.map((order) => order.id));
    return { ok: outcomes.every((outcome) => outcome.settled), message: describeResync(outcomes) };
  });
}
