import type { Staff } from "@/lib/platform/auth/staff";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_ACTIONS = {
  handover: "Handed over",
  handover_code_failed: "Wrong pickup code",
  handover_locked: "Handover locked",
  handover_unlocked: "Handover unlocked",
  cancel: "Canceled",
  short_pick: "Short pick",
  declined_at_handover: "Declined at handover",
  reject: "Rejected",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditInput = {
  action: AuditAction;
  task: { orderId: string; orderNumber: number; storeCode: string };
  staff: Staff;
  device: string | null;
  verification?: string | null;
  details?: Prisma.InputJsonValue;
  at?: Date;
};

/** One line in the store's audit log, written in the transaction of the act it records. */
export async function writeAudit(tx: Tx | Db, input: AuditInput) {
  await tx.posAuditEntry.create({
    data: {
      occurredAt: input.at ?? new Date(),
      storeCode: input.task.storeCode,
      orderId: input.task.orderId,
      orderNumber: input.task.orderNumber,
      action: input.action,
      staffId: input.staff.id,
      staffName: input.staff.name,
      verification: input.verification ?? null,
      device: input.device,
      details: input.details,
    },
  });
}

export async function listAudit(db: Db, storeCodes: string[], options: { limit?: number } = {}) {
  return db.posAuditEntry.findMany({ where: { storeCode: { in: storeCodes } }, orderBy: { occurredAt: "desc" }, take: options.limit ?? 200 });
}
