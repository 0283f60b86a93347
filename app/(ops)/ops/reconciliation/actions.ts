"use server";

import { z } from "zod";
import { OPS_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { describeResync, resyncAndConfirm } from "@/lib/monitor/cascade/resync-and-confirm";
import { startReconciliation } from "@/lib/monitor/cascade/reconcile";
import { reconciliationReport } from "@/lib/monitor/cascade/reconciliation-report";
import { getDb } from "@/lib/platform/db/prisma";
import { refuseInput } from "@/lib/platform/http/action-input";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { int32 } from "@/lib/platform/http/int32";

const DENIED = { ok: false, message: "Only a manager or an admin can run reconciliation." } as const;

/** Starts a run now; the page follows its progress. */
export async function runReconciliationAction(): Promise<ActionResult> {
  if (!(await staffWithRole(OPS_ROLES))) return DENIED;
  const db = getDb();
  if (await db.reconciliationRun.count({ where: { status: "running", startedAt: { gt: new Date(Date.now() - 30 * 60_000) } } })) {
    return { ok: false, message: "A reconciliation is already running." };
  }
  await startReconciliation(db, { trigger: "manual" });
  return { ok: true, message: "Reconciliation started." };
}

export async function getReconciliationReportAction() {
  if (!(await staffWithRole(OPS_ROLES))) return null;
  return reconciliationReport(getDb());
}

const bulkSchema = z.object({ orderNumbers: z.array(int32().positive()).min(1, "Nothing to re-sync.").max(5_000) });

/** Re-sends what every order of a mismatch group is missing (idempotent). */
export async function resyncOrdersAction(input: { orderNumbers: number[] }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  if (!(await staffWithRole(OPS_ROLES))) return { ok: false, message: "Only a manager or an admin can re-sync orders." };
  const parsed = bulkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const db = getDb();
  const orders = await db.order.findMany({ where: { number: { in: parsed.data.orderNumbers } }, select: { id: true } });
  if (orders.length === 0) return { ok: false, message: "None of those orders exist." };
  const outcomes = await resyncAndConfirm(db, orders.map((order) => order.id));
  return { ok: outcomes.every((outcome) => outcome.settled), message: describeResync(outcomes) };
}
