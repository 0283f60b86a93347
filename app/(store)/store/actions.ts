"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { staffWithRole, type Staff } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { orderNumberSchema } from "@/lib/platform/format/order-number";
import { cancelAtStore } from "@/lib/pos/store-queue/cancel";
import { handOver, unlockHandover } from "@/lib/pos/store-queue/handover";
import { confirmPick, markShort, startPicking, undoPick } from "@/lib/pos/store-queue/pick";
import { loadStoreQueue, type StoreQueue } from "@/lib/pos/store-queue/queue";
import { markReady, stageOrder } from "@/lib/pos/store-queue/ready";
import { storesInScope, STORE_ROLES, taskInScope } from "@/lib/pos/store-queue/scope";
import { SHORT_REASONS, STORE_CANCEL_REASONS } from "@/lib/pos/store-queue/short-reasons";
import { toTaskView, type StoreTaskView } from "@/lib/pos/store-queue/task-view";
import { refuseInput } from "@/lib/platform/http/action-input";
import type { ActionResult } from "@/lib/platform/http/action-result";

// Every action here checks the session and the store scope for itself: an order at a
// store the associate is not assigned to is "not found", exactly like one that does
// not exist.


const NOT_SIGNED_IN = { ok: false, message: "Your session has ended. Sign in again." } as const;

async function device(): Promise<string | null> {
  return (await headers()).get("user-agent")?.slice(0, 200) ?? null;
}

/** Runs a store action for a signed-in staff member, turning domain refusals into messages. */
async function asStaff<T>(work: (staff: Staff) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const staff = await staffWithRole([...STORE_ROLES]);
  if (!staff) return NOT_SIGNED_IN;
  try {
    return await work(staff);
  } catch (error) {
    if (isDomainError(error)) return { ok: false, message: error.message };
    throw error;
  }
}

function invalid(error: z.ZodError): { ok: false; message: string } {
  return { ok: false, message: error.issues.map((issue) => issue.message).join(" ") };
}

export async function getStoreQueueAction(storeCode: string): Promise<StoreQueue | null> {
  const refused = refuseInput(storeCode);
  if (refused) return null;
  const staff = await staffWithRole([...STORE_ROLES]);
  if (!staff || typeof storeCode !== "string") return null;
  const store = (await storesInScope(getDb(), staff)).find((candidate) => candidate.code === storeCode);
  return store ? loadStoreQueue(getDb(), store) : null;
}

export async function getStoreTaskAction(orderNumber: number): Promise<StoreTaskView | null> {
  const refused = refuseInput(orderNumber);
  if (refused) return null;
  const staff = await staffWithRole([...STORE_ROLES]);
  const number = orderNumberSchema.safeParse(orderNumber);
  if (!staff || !number.success) return null;
  try {
    const db = getDb();
    const task = await taskInScope(db, staff, number.data);
    const store = await db.store.findUniqueOrThrow({ where: { code: task.storeCode }, select: { name: true, timeZone: true } });
    return toTaskView(task, store);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return null;
    throw error;
  }
}

export async function startPickingAction(orderNumber: number): Promise<ActionResult> {
  const refused = refuseInput(orderNumber);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const number = orderNumberSchema.safeParse(orderNumber);
    if (!number.success) return invalid(number.error);
    await startPicking(getDb(), staff, number.data);
    return { ok: true, message: `Picking H-${number.data}.` };
  });
}

const pickSchema = z.object({
  orderNumber: orderNumberSchema,
  sku: z.string().trim().min(1).max(64).optional(),
  barcode: z.string().trim().min(1, "Scan or type a barcode.").max(64).optional(),
});

export async function confirmPickAction(input: { orderNumber: number; sku?: string; barcode?: string }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const parsed = pickSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    if (!parsed.data.sku && !parsed.data.barcode) return { ok: false, message: "Scan or type a barcode." };
    const picked = await confirmPick(getDb(), staff, parsed.data);
    return { ok: true, message: `${picked.name}: ${picked.picked} of ${picked.of} picked.` };
  });
}

const undoSchema = z.object({ orderNumber: orderNumberSchema, sku: z.string().trim().min(1, "Choose the item to take back.").max(64) });

/** Takes back one confirmed unit of a line (a mis-tap or a wrong scan). */
export async function undoPickAction(input: { orderNumber: number; sku: string }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const parsed = undoSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const line = await undoPick(getDb(), staff, parsed.data);
    return { ok: true, message: `${line.name}: back to ${line.picked} of ${line.of} picked.` };
  });
}

const shortSchema = z.object({
  orderNumber: orderNumberSchema,
  sku: z.string().trim().min(1).max(64),
  quantity: z.coerce.number().int("Enter a whole number.").min(1, "At least 1 unit.").max(10_000, "At most 10,000 units."),
  reason: z.enum(SHORT_REASONS, "Choose why the item is short."),
});

export async function markShortAction(input: { orderNumber: number; sku: string; quantity: number; reason: string }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const parsed = shortSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    await markShort(getDb(), staff, parsed.data, await device());
    return { ok: true, message: `${parsed.data.quantity} marked short (${parsed.data.reason.toLowerCase()}).` };
  });
}

const stageSchema = z.object({ orderNumber: orderNumberSchema, bin: z.string().max(20, "Enter a staging bin such as A-12.") });

export async function stageOrderAction(input: { orderNumber: number; bin: string }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const parsed = stageSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const bin = await stageOrder(getDb(), staff, parsed.data);
    return { ok: true, message: `Staged in ${bin}.` };
  });
}

export async function markReadyAction(orderNumber: number): Promise<ActionResult> {
  const refused = refuseInput(orderNumber);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const number = orderNumberSchema.safeParse(orderNumber);
    if (!number.success) return invalid(number.error);
    await markReady(getDb(), staff, number.data);
    return { ok: true, message: `H-${number.data} is ready. The customer is being told.` };
  });
}

const handoverSchema = z.object({
  orderNumber: orderNumberSchema,
  code: z.string().trim().min(1, "Enter or scan the pickup code.").max(100),
  idChecked: z.boolean().default(false),
});

export async function handOverAction(input: { orderNumber: number; code: string; idChecked?: boolean }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const parsed = handoverSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await handOver(getDb(), staff, parsed.data, await device());
    if (result.ok) return { ok: true, message: `Handed over. H-${parsed.data.orderNumber} is complete.` };
    return {
      ok: false,
      message: result.locked
        ? "That code is wrong. Handover is now locked: ask a manager to unlock it."
        : `That code is wrong. ${result.attemptsLeft} ${result.attemptsLeft === 1 ? "try" : "tries"} left before handover locks.`,
    };
  });
}

export async function unlockHandoverAction(orderNumber: number): Promise<ActionResult> {
  const refused = refuseInput(orderNumber);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const number = orderNumberSchema.safeParse(orderNumber);
    if (!number.success) return invalid(number.error);
    await unlockHandover(getDb(), staff, number.data, await device());
    return { ok: true, message: "Handover unlocked." };
  });
}

const cancelSchema = z.object({ orderNumber: orderNumberSchema, reason: z.enum(STORE_CANCEL_REASONS, "Choose why the order is canceled.") });

export async function cancelAtStoreAction(input: { orderNumber: number; reason: string }): Promise<ActionResult> {
  const refused = refuseInput(input);
  if (refused) return refused;
  return asStaff(async (staff) => {
    const parsed = cancelSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    await cancelAtStore(getDb(), staff, parsed.data, await device());
    return { ok: true, message: `H-${parsed.data.orderNumber} is canceled (${parsed.data.reason.toLowerCase()}).` };
  });
}
