"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/platform/db/prisma";
import { orderNumberSchema } from "@/lib/platform/format/order-number";
import { cancelAtStore } from "@/lib/pos/store-queue/cancel";
import { rejectAtStore } from "@/lib/pos/store-queue/reject";
import { handOver, unlockHandover } from "@/lib/pos/store-queue/handover";
import { confirmPick, markShort, startPicking, undoPick } from "@/lib/pos/store-queue/pick";
import { declineAtHandover } from "@/lib/pos/store-queue/decline";
import { markReady, stageOrder } from "@/lib/pos/store-queue/ready";
import { STORE_CAPACITY_ROLES, STORE_ROLES, storesInScope } from "@/lib/pos/store-queue/scope";
import { pauseSchema, pauseStore } from "@/lib/oms/stores/pause-store";
import { resumeStore } from "@/lib/oms/stores/resume-store";
import { capsSchema, setStoreCaps } from "@/lib/oms/stores/store-caps";
import type { Staff } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { REJECT_REASONS, SHORT_REASONS, STORE_CANCEL_REASONS } from "@/lib/pos/store-queue/short-reasons";
import type { ActionResult } from "@/lib/platform/http/action-result";

// Every action here checks the session and the store scope for itself: an order at a
// store the associate is not assigned to is "not found", exactly like one that does
// not exist.

const ASSOCIATES = { roles: STORE_ROLES, denied: "Your session has ended. Sign in again.", signedOut: "Your session has ended. Sign in again." };

async function device(): Promise<string | null> {
  return (await headers()).get("user-agent")?.slice(0, 200) ?? null;
}

export async function startPickingAction(orderNumber: number): Promise<ActionResult> {
  return withStaff(ASSOCIATES, orderNumberSchema, orderNumber, async (number, staff) => {
    await startPicking(getDb(), staff, number);
    return { ok: true, message: `Picking H-${number}.` };
  });
}

const pickSchema = z.object({
  orderNumber: orderNumberSchema,
  sku: z.string().trim().min(1).max(64).optional(),
  barcode: z.string().trim().min(1, "Scan or type a barcode.").max(64).optional(),
});

export async function confirmPickAction(input: { orderNumber: number; sku?: string; barcode?: string }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, pickSchema, input, async (pick, staff) => {
    if (!pick.sku && !pick.barcode) return { ok: false, message: "Scan or type a barcode." };
    const picked = await confirmPick(getDb(), staff, pick);
    return { ok: true, message: `${picked.name}: ${picked.picked} of ${picked.of} picked.` };
  });
}

const undoSchema = z.object({ orderNumber: orderNumberSchema, sku: z.string().trim().min(1, "Choose the item to take back.").max(64) });

/** Takes back one confirmed unit of a line (a mis-tap or a wrong scan). */
export async function undoPickAction(input: { orderNumber: number; sku: string }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, undoSchema, input, async (undo, staff) => {
    const line = await undoPick(getDb(), staff, undo);
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
  return withStaff(ASSOCIATES, shortSchema, input, async (short, staff) => {
    await markShort(getDb(), staff, short, await device());
    return { ok: true, message: `${short.quantity} marked short (${short.reason.toLowerCase()}).` };
  });
}

const declineSchema = shortSchema.omit({ reason: true });

/** Items the customer does not want at the handover go back to the shelf; the rest is still handed over. */
export async function declineAtHandoverAction(input: { orderNumber: number; sku: string; quantity: number }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, declineSchema, input, async (decline, staff) => {
    await declineAtHandover(getDb(), staff, decline, await device());
    return { ok: true, message: `${decline.quantity} declined: back on the shelf, and not charged.` };
  });
}

const stageSchema = z.object({ orderNumber: orderNumberSchema, bin: z.string().max(20, "Enter a staging bin such as A-12.") });

export async function stageOrderAction(input: { orderNumber: number; bin: string }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, stageSchema, input, async (stage, staff) => {
    const bin = await stageOrder(getDb(), staff, stage);
    return { ok: true, message: `Staged in ${bin}.` };
  });
}

export async function markReadyAction(orderNumber: number): Promise<ActionResult> {
  return withStaff(ASSOCIATES, orderNumberSchema, orderNumber, async (number, staff) => {
    await markReady(getDb(), staff, number);
    return { ok: true, message: `H-${number} is ready. The customer is being told.` };
  });
}

const handoverSchema = z.object({
  orderNumber: orderNumberSchema,
  code: z.string().trim().min(1, "Enter or scan the pickup code.").max(100),
  idChecked: z.boolean().default(false),
});

export async function handOverAction(input: { orderNumber: number; code: string; idChecked?: boolean }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, handoverSchema, input, async (handover, staff) => {
    const result = await handOver(getDb(), staff, handover, await device());
    if (result.ok) return { ok: true, message: `Handed over. H-${handover.orderNumber} is complete.` };
    return {
      ok: false,
      message: result.locked
        ? "That code is wrong. Handover is now locked: ask a manager to unlock it."
        : `That code is wrong. ${result.attemptsLeft} ${result.attemptsLeft === 1 ? "try" : "tries"} left before handover locks.`,
    };
  });
}

export async function unlockHandoverAction(orderNumber: number): Promise<ActionResult> {
  return withStaff(ASSOCIATES, orderNumberSchema, orderNumber, async (number, staff) => {
    await unlockHandover(getDb(), staff, number, await device());
    return { ok: true, message: "Handover unlocked." };
  });
}

const cancelSchema = z.object({ orderNumber: orderNumberSchema, reason: z.enum(STORE_CANCEL_REASONS, "Choose why the order is canceled.") });

export async function cancelAtStoreAction(input: { orderNumber: number; reason: string }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, cancelSchema, input, async (cancel, staff) => {
    await cancelAtStore(getDb(), staff, cancel, await device());
    return { ok: true, message: `H-${cancel.orderNumber} is canceled (${cancel.reason.toLowerCase()}).` };
  });
}

const rejectSchema = z.object({ orderNumber: orderNumberSchema, reason: z.enum(REJECT_REASONS, "Choose why the store cannot fill the order.") });

/** The store cannot fill the order: the OMS finds it another store, asks the shopper, or cancels it. */
export async function rejectAtStoreAction(input: { orderNumber: number; reason: string }): Promise<ActionResult> {
  return withStaff(ASSOCIATES, rejectSchema, input, async (reject, staff) => {
    await rejectAtStore(getDb(), staff, reject, await device());
    // The POS does not know the retailer's reroute setting: the OMS decides, and the queue follows.
    return { ok: true, message: `H-${reject.orderNumber} is rejected (${reject.reason.toLowerCase()}): it goes to another store, or is canceled, as the retailer chose. Put its items back.` };
  });
}

const STORE_MANAGERS = { roles: [...STORE_CAPACITY_ROLES], denied: "Only a store manager can pause pickup orders or set caps.", signedOut: "Your session has ended. Sign in again." };
const storeCodeSchema = z.string().trim().min(1, "Choose a store.").max(32);

/** The store, when this manager runs it (a store manager only their own). */
async function managedStore(staff: Staff, code: string) {
  const store = (await storesInScope(getDb(), staff)).find((candidate) => candidate.code === code);
  return store ?? null;
}

/** "Pause pickup orders": no new pickup orders at the store until it resumes (by hand, or at the chosen time). */
export async function pauseStoreAction(input: { storeCode: string; reason: string; minutes: number | string }): Promise<ActionResult> {
  return withStaff(STORE_MANAGERS, pauseSchema.extend({ storeCode: storeCodeSchema }), input, async (pause, staff) => {
    const store = await managedStore(staff, pause.storeCode);
    if (!store) return { ok: false, message: "That store is not one of yours." };
    await pauseStore(getDb(), { storeId: store.id, reason: pause.reason, minutes: pause.minutes, by: staff.name });
    return { ok: true, message: `${store.name} is not taking pickup orders${pause.minutes > 0 ? ` for ${pause.minutes >= 60 ? `${pause.minutes / 60} h` : `${pause.minutes} min`}` : " until you resume"}.` };
  });
}

/** "Resume pickup orders". */
export async function resumeStoreAction(input: { storeCode: string }): Promise<ActionResult> {
  return withStaff(STORE_MANAGERS, z.object({ storeCode: storeCodeSchema }), input, async ({ storeCode }, staff) => {
    const store = await managedStore(staff, storeCode);
    if (!store) return { ok: false, message: "That store is not one of yours." };
    await resumeStore(getDb(), { storeId: store.id, by: staff.name });
    return { ok: true, message: `${store.name} is taking pickup orders again.` };
  });
}

/** A store's daily and concurrent order caps (empty: none). */
export async function setStoreCapsAction(input: {
  storeCode: string;
  dailyOrderCap: string | number | null;
  concurrentOrderCap: string | number | null;
  startTargetMinutes?: string | number | null;
}): Promise<ActionResult> {
  return withStaff(STORE_MANAGERS, capsSchema.extend({ storeCode: storeCodeSchema }), input, async (caps, staff) => {
    const store = await managedStore(staff, caps.storeCode);
    if (!store) return { ok: false, message: "That store is not one of yours." };
    await setStoreCaps(getDb(), { storeId: store.id, dailyOrderCap: caps.dailyOrderCap, concurrentOrderCap: caps.concurrentOrderCap, startTargetMinutes: caps.startTargetMinutes, by: staff.name });
    return { ok: true, message: `Limits saved for ${store.name}: caps and start target.` };
  });
}
