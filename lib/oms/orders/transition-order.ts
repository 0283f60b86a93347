import type { Tx } from "@/lib/platform/db/prisma";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import { DomainError, notFound } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { statusesLeadingTo, TRANSITION_EVENTS } from "./order-status";

function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

type TransitionInput = {
  orderId: string;
  to: Exclude<OrderStatus, "PLACED">;
  at: Date;
  /** Extra columns that change with the status (timestamps, reasons). */
  changes?: Omit<Prisma.OrderUpdateInput, "status">;
  payload?: Record<string, Prisma.InputJsonValue | null>;
};

/**
 * The only writer of an order's status. The guard is the UPDATE's own WHERE clause
 * (status must be one that may lead to `to`), so two racing transitions cannot both
 * win; the announcing event is written in the same transaction.
 */
export async function transitionOrder(tx: Tx, input: TransitionInput) {
  const allowedFrom = statusesLeadingTo(input.to);
  // One UPDATE … RETURNING; Prisma reports "no row matched" as P2025 without failing the transaction.
  const order = await tx.order
    .update({ where: { id: input.orderId, status: { in: allowedFrom } }, data: { ...input.changes, status: input.to } })
    .catch((error: unknown) => (isRecordNotFound(error) ? null : Promise.reject(error)));
  if (!order) {
    const current = await tx.order.findUnique({ where: { id: input.orderId }, select: { status: true } });
    if (!current) throw notFound("Order");
    throw new DomainError(
      "INVALID_TRANSITION",
      `The order is ${current.status.toLowerCase().replace("_", " ")} and cannot become ${input.to.toLowerCase().replace("_", " ")}.`,
      { from: current.status, to: input.to },
    );
  }
  await writeOutboxEvent(tx, {
    type: TRANSITION_EVENTS[input.to],
    orderId: order.id,
    occurredAt: input.at,
    payload: { orderId: order.id, orderNumber: order.number, status: input.to, ...input.payload },
  });
  return order;
}
