import type { Tx } from "@/lib/platform/db/prisma";
import type { EventData } from "@/lib/bus/event-contracts";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import { DomainError, notFound } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { statusesLeadingTo, TRANSITION_EVENTS } from "./order-status";

function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

type Target = OrderStatus;
type TransitionEvent<To extends Target> = (typeof TRANSITION_EVENTS)[To];

type TransitionInput<To extends Target> = {
  orderId: string;
  to: To;
  at: Date;
  /** Extra columns that change with the status (timestamps, reasons). */
  changes?: Omit<Prisma.OrderUpdateInput, "status">;
  /** The announcing event's data; the order's id and new status are added here. */
  payload: Omit<EventData<"OMS", TransitionEvent<To>>, "orderId" | "status">;
};

/**
 * The only writer of an order's status. The guard is the UPDATE's own WHERE clause
 * (status must be one that may lead to `to`), so two racing transitions cannot both
 * win; the announcing event is written in the same transaction.
 */
export async function transitionOrder<To extends Target>(tx: Tx, input: TransitionInput<To>) {
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
    // The spread over a generic event cannot be checked here; its callers' payloads are, and the outbox checks the whole at run time.
    payload: { ...input.payload, orderId: order.id, orderNumber: order.number, status: input.to } as EventData<"OMS", TransitionEvent<To>>,
  });
  return order;
}
