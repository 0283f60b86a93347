import type { Db } from "@/lib/db/prisma";
import type { IntakeReason } from "./canonical-order";

/** A quarantined order worth at least this much is listed first. */
export const HIGH_VALUE_CENTS = Number(process.env.HANDOFF_INTAKE_HIGH_VALUE_CENTS ?? 20_000);
/** So is one waiting longer than this: its customer is waiting too. */
export const OLD_AFTER_MINUTES = 60;

export type QuarantinedOrder = {
  id: string;
  channel: string;
  channelOrderId: string;
  declaredCents: number | null;
  receivedAt: Date;
  attempts: number;
  reasons: IntakeReason[];
  urgent: boolean;
  waitingSeconds: number;
};

/** Orders waiting in quarantine: high-value or old ones first, then by value and age. */
export async function listQuarantine(db: Db, now = new Date()): Promise<QuarantinedOrder[]> {
  const oldBefore = new Date(now.getTime() - OLD_AFTER_MINUTES * 60_000);
  const rows = await db.intakeOrder.findMany({ where: { status: "QUARANTINED" }, orderBy: { receivedAt: "asc" }, take: 500 });
  return rows
    .map((row) => ({
      id: row.id,
      channel: row.channel,
      channelOrderId: row.channelOrderId,
      declaredCents: row.declaredCents,
      receivedAt: row.receivedAt,
      attempts: row.attempts,
      reasons: row.reasons as IntakeReason[],
      urgent: (row.declaredCents ?? 0) >= HIGH_VALUE_CENTS || row.receivedAt < oldBefore,
      waitingSeconds: Math.max(0, Math.round((now.getTime() - row.receivedAt.getTime()) / 1000)),
    }))
    .sort((a, b) => Number(b.urgent) - Number(a.urgent) || (b.declaredCents ?? 0) - (a.declaredCents ?? 0) || a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** Gives up on a quarantined order (e.g. the channel canceled it), saying who and why. */
export async function discardIntakeOrder(db: Db, id: string, staffName: string, reason: string): Promise<boolean> {
  const row = await db.intakeOrder.findUnique({ where: { id }, select: { status: true, reasons: true } });
  if (row?.status !== "QUARANTINED") return false;
  const reasons = [...(row.reasons as IntakeReason[]), { path: "(discarded)", message: reason }];
  const { count } = await db.intakeOrder.updateMany({ where: { id, status: "QUARANTINED" }, data: { status: "DISCARDED", resolvedBy: staffName, reasons } });
  return count === 1;
}
