import { EVENT } from "@/lib/bus/event-names";
import type { Staff } from "@/lib/platform/auth/staff";
import { wakeDispatcher } from "@/lib/bus/outbox";
import type { Db } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { verifyPickupCode } from "@/lib/platform/security/pickup-code";
import { writePosEvent } from "@/lib/pos/record-pos-event";
import { writeAudit } from "./audit";
import { managesStores, taskInScope } from "./scope";

/** Wrong codes allowed before the handover locks until a manager unlocks it. */
export const MAX_CODE_ATTEMPTS = 5;

export type HandoverInput = { orderNumber: number; code: string; idChecked: boolean };
export type HandoverResult = { ok: true; verifiedBy: "pickup_code" | "qr_code" } | { ok: false; attemptsLeft: number; locked: boolean };

/**
 * What the associate typed or scanned: the six-digit code, or the confirmation's QR
 * ("HANDOFF:<order number>:<code>"), which must be for this order.
 */
export function readPickupCode(entered: string, orderNumber: number): { code: string; method: "pickup_code" | "qr_code" } | null {
  const text = entered.trim();
  const qr = /^HANDOFF:(\d+):(\d{6})$/i.exec(text);
  if (qr) return Number(qr[1]) === orderNumber ? { code: qr[2]!, method: "qr_code" } : null;
  const digits = text.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? { code: digits, method: "pickup_code" } : null;
}

/**
 * The handover: the customer's code checked against the keyed hash the OMS sent with
 * the order. A match writes the POS's pickup-complete (the order becomes picked up when
 * the OMS applies it from the bus) and the audit entry together. Each wrong code is
 * counted and audited; the fifth locks the handover.
 */
export async function handOver(db: Db, staff: Staff, input: HandoverInput, device: string | null, now = new Date()): Promise<HandoverResult> {
  const task = await taskInScope(db, staff, input.orderNumber);
  if (task.status !== "ready") throw new DomainError("INVALID_TRANSITION", `Order H-${task.orderNumber} is ${task.status.replace("_", " ")}, not ready to hand over.`);
  if (task.handoverLockedAt) throw new DomainError("CONFLICT", `Handover of H-${task.orderNumber} is locked after ${MAX_CODE_ATTEMPTS} wrong codes. Ask a manager to unlock it.`);
  if (!task.pickupCodeHash) throw new DomainError("CONFLICT", `H-${task.orderNumber} has no pickup code on file at this store. Ask a manager.`);

  const entered = readPickupCode(input.code, task.orderNumber);
  if (entered && verifyPickupCode(task.orderId, entered.code, task.pickupCodeHash)) {
    const verification = input.idChecked ? `${entered.method}+id_check` : entered.method;
    await db.$transaction(async (tx) => {
      await writePosEvent(tx, {
        orderId: task.orderId,
        type: EVENT.pickupCompleted,
        associate: staff.name,
        at: now,
        data: { verifiedBy: entered.method, idChecked: input.idChecked },
        taskChanges: { failedCodeAttempts: 0 },
      });
      await writeAudit(tx, { action: "handover", task, staff, device, verification, at: now });
    });
    await wakeDispatcher(db);
    return { ok: true, verifiedBy: entered.method };
  }

  return db.$transaction(async (tx) => {
    // Counted in the UPDATE itself, so two tablets guessing at once cannot exceed the limit.
    const [counted] = await tx.$queryRaw<{ failedCodeAttempts: number }[]>`
      UPDATE "PosOrderTask"
         SET "failedCodeAttempts" = "failedCodeAttempts" + 1,
             "handoverLockedAt" = CASE WHEN "failedCodeAttempts" + 1 >= ${MAX_CODE_ATTEMPTS} THEN ${now}::timestamp(3) ELSE NULL END,
             "updatedAt" = now()
       WHERE "orderId" = ${task.orderId}::uuid AND "handoverLockedAt" IS NULL
      RETURNING "failedCodeAttempts"`;
    if (!counted) throw new DomainError("CONFLICT", `Handover of H-${task.orderNumber} is locked. Ask a manager to unlock it.`);
    const locked = counted.failedCodeAttempts >= MAX_CODE_ATTEMPTS;
    await writeAudit(tx, { action: "handover_code_failed", task, staff, device, at: now, details: { attempt: counted.failedCodeAttempts } });
    if (locked) await writeAudit(tx, { action: "handover_locked", task, staff, device, at: now });
    return { ok: false, attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - counted.failedCodeAttempts), locked };
  });
}

/** A manager (a store manager at their stores, a manager or an admin) lets the handover be tried again. */
export async function unlockHandover(db: Db, staff: Staff, orderNumber: number, device: string | null, now = new Date()) {
  const task = await taskInScope(db, staff, orderNumber);
  if (!managesStores(staff)) throw new DomainError("NOT_FOUND", "Only a manager can unlock a handover.");
  await db.$transaction(async (tx) => {
    await tx.posOrderTask.update({ where: { orderId: task.orderId }, data: { handoverLockedAt: null, failedCodeAttempts: 0 } });
    await writeAudit(tx, { action: "handover_unlocked", task, staff, device, at: now });
  });
}
