import type { Db } from "@/lib/platform/db/prisma";
import type { OrderChannel } from "@/lib/generated/prisma/enums";
import type { IntakeReason } from "./canonical-order";
import { readEnv } from "@/lib/platform/env";

/** A quarantined order worth at least this much is listed first. */
export const HIGH_VALUE_CENTS = readEnv().HANDOFF_INTAKE_HIGH_VALUE_CENTS;
/** So is one waiting longer than this: its customer is waiting too. */
export const OLD_AFTER_MINUTES = 60;

export type QuarantinedOrder = {
  id: string;
  channel: OrderChannel;
  channelOrderId: string;
  declaredCents: number | null;
  receivedAt: Date;
  attempts: number;
  reasons: IntakeReason[];
  urgent: boolean;
  waitingSeconds: number;
};

const LIST_LIMIT = 500;

/** Orders waiting in quarantine: high-value or old ones first, then by value and age. */
export async function listQuarantine(db: Db, now = new Date()): Promise<QuarantinedOrder[]> {
  const oldBefore = new Date(now.getTime() - OLD_AFTER_MINUTES * 60_000);
  // Urgent ones are read on their own, so a long quarantine cannot push them off the page.
  const urgentWhere = { status: "QUARANTINED" as const, OR: [{ declaredCents: { gte: HIGH_VALUE_CENTS } }, { receivedAt: { lt: oldBefore } }] };
  const [urgent, rest] = await Promise.all([
    db.intakeOrder.findMany({ where: urgentWhere, orderBy: [{ declaredCents: { sort: "desc", nulls: "last" } }, { receivedAt: "asc" }], take: LIST_LIMIT }),
    db.intakeOrder.findMany({
      where: { status: "QUARANTINED", receivedAt: { gte: oldBefore }, OR: [{ declaredCents: null }, { declaredCents: { lt: HIGH_VALUE_CENTS } }] }, orderBy: [{ declaredCents: { sort: "desc", nulls: "last" } }, { receivedAt: "asc" }],
      take: LIST_LIMIT,
    }),
  ]);
  return [...urgent, ...rest]
    .slice(0, LIST_LIMIT)
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
