import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { readEnv } from "@/lib/platform/env";
import { CHAIN_ORDER } from "@/lib/bus/chain-catalogue";
import { describeFault } from "@/lib/bus/faults/describe-fault";
import { faultsInTheWay } from "@/lib/bus/faults/faults-in-the-way";
import { CLOSED_ORDER_STATUSES } from "@/lib/monitor/retention/prune-history";
import { compareSystems } from "./compare-systems";
import { nodeDetails } from "./failure-nodes";
import { breakReason, locateFailure } from "./locate-failure";
import { orderSnapshot } from "./order-snapshot";

/** Why a channel order went to its store, as routing recorded it; anything else reads as none. */
const routingRecordSchema = z.object({
  reason: z.string(),
  requestedStore: z.string().nullish(),
  slotNote: z.string().nullish(),
  candidates: z.array(z.object({ code: z.string(), distanceMiles: z.number(), eligible: z.boolean(), why: z.string(), score: z.object({ total: z.number() }).loose().nullable() }).loose()),
}).loose();


/**
 * One order across the five systems: what each holds now, every step each chain
 * expected with its delivery record, and the failure node — the first broken step.
 * Plain JSON, for the cascade page and `GET /api/v1/orders/{number}/cascade` alike.
 */
export async function loadOrderCascade(db: Db, orderNumber: number, now = new Date()) {
  const order = await db.order.findUnique({
    where: { number: orderNumber },
    include: {
      store: { select: { code: true, name: true, timeZone: true } },
      payment: true,
      lines: { select: { sku: true, quantity: true, shortQuantity: true } },
      splitFrom: { select: { number: true } },
      splits: { select: { number: true }, orderBy: { number: "asc" } },
    },
  });
  if (!order) return null;
  const [steps, deliveries, allocations, storefront, task, messages, mismatches, faults] = await Promise.all([
    db.chainStep.findMany({ where: { orderId: order.id } }),
    db.delivery.findMany({ where: { orderId: order.id }, include: { event: { select: { type: true, source: true, payload: true, occurredAt: true } } }, orderBy: { position: "asc" } }),
    db.wmsAllocation.findMany({ where: { orderId: order.id }, orderBy: { sku: "asc" } }),
    db.storefrontOrderView.findUnique({ where: { orderId: order.id } }),
    db.posOrderTask.findUnique({ where: { orderId: order.id } }),
    db.notificationMessage.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } }),
    latestMismatches(db, order.id, order.storeId),
    faultsInTheWay(db, [order.id]),
  ]);
  steps.sort((a, b) => CHAIN_ORDER.indexOf(a.chain) - CHAIN_ORDER.indexOf(b.chain) || a.stepNumber - b.stepNumber);
  const failure = locateFailure(steps, deliveries, now);
  // Reconciliation compares what the systems hold, so it can name a node before any deadline
  // passes. A mismatch it recorded counts while it still holds (a re-sync may have healed it).
  const stillHolding = new Set(
    compareSystems(
      orderSnapshot({
        status: order.status,
        storeCode: order.store.code,
        storefrontView: storefront?.status ?? null,
        allocations,
        task,
        messageKinds: messages.map((message) => message.kind),
        steps,
        pickupDelivery: deliveries.find((delivery) => delivery.chain === "PICKUP" && delivery.stepNumber === 2),
      }),
    ).map((mismatch) => mismatch.node.id),
  );
  const current = mismatches.filter((mismatch) => stillHolding.has(mismatch.nodeId));
  const reconciled = !failure && current.length > 0 ? current[0]! : null;
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  const retentionDays = readEnv().HANDOFF_HISTORY_RETENTION_DAYS;
  const historyRemoved =
    steps.length === 0 && deliveries.length === 0 && (CLOSED_ORDER_STATUSES as readonly string[]).includes(order.status) && retentionDays > 0 && order.updatedAt.getTime() < now.getTime() - retentionDays * 86_400_000;

  return {
    orderNumber: order.number,
    store: order.store,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    channel: { name: order.channel, orderId: order.channelOrderId },
    /** Why a channel order went to its store: the reason and every candidate's score. */
    routing: routingRecordSchema.safeParse(order.routing).data ?? null,
    /** Units its store could not find went on as orders of their own (`into`), or it is such an order (`from`). */
    split: { from: order.splitFrom?.number ?? null, into: order.splits.map((split) => split.number) },
    failure: failure
      ? {
          node: failure.node,
          reason: failure.reason as string,
          chain: failure.step.chain as string | null,
          stepNumber: failure.step.stepNumber as number | null,
          stuckSince: iso(failure.stuckSince),
          stuckForSeconds: Math.max(0, Math.round((now.getTime() - failure.stuckSince.getTime()) / 1000)),
          lastError: failure.step.lastError,
        }
      : reconciled
        ? {
            node: { id: reconciled.nodeId, label: reconciled.nodeLabel, ...nodeDetails(reconciled.nodeId) },
            reason: "mismatch",
            chain: null,
            stepNumber: null,
            stuckSince: iso(reconciled.run.startedAt),
            stuckForSeconds: Math.max(0, Math.round((now.getTime() - reconciled.run.startedAt.getTime()) / 1000)),
            lastError: `${reconciled.system}: expected ${reconciled.expected}, has ${reconciled.actual}`,
          }
        : null,
    /** The bus's history of this closed order (its steps, events and deliveries) was removed by retention after this many days. */
    historyRemovedAfterDays: historyRemoved ? retentionDays : null,
    /** Dead-lettered deliveries that fulfil no chain step (e.g. the POS told of a cancel): failures too. */
    deadLetters: deliveries
      .filter((delivery) => delivery.status === "DEAD" && delivery.chain === null)
      .map((delivery) => ({ source: delivery.event.source, target: delivery.targetSystem, eventType: delivery.event.type, lastError: delivery.lastError })),
    /** Enabled fault rules a re-sync of this order would run into again. */
    activeFaults: (faults.get(order.id) ?? []).map(describeFault),
    mismatches: current.map(({ system, nodeId, nodeLabel, expected, actual, run }) => ({ system, nodeId, nodeLabel, expected, actual, foundAt: run.startedAt.toISOString() })),
    systems: {
      OMS: { status: order.status, totalCents: order.totalCents, payment: order.payment && { status: order.payment.status, amountCents: order.payment.amountCents, capturedCents: order.payment.capturedCents }, lines: order.lines },
      WMS: { allocations: allocations.map(({ sku, quantity, status, stagingBin }) => ({ sku, quantity, status, stagingBin })) },
      STOREFRONT: { orderView: storefront?.status ?? null, updatedAt: iso(storefront?.updatedAt) },
      POS: task && { status: task.status, stagingBin: task.stagingBin, arrivedAt: iso(task.arrivedAt), handoverLocked: task.handoverLockedAt !== null },
      NOTIFICATION: { messages: messages.map(({ kind, channel, status, subject, createdAt }) => ({ kind, channel, status, subject, createdAt: createdAt.toISOString() })) },
    },
    steps: steps.map((step) => {
      const delivery = deliveries.find((candidate) => candidate.chain === step.chain && candidate.stepNumber === step.stepNumber);
      return {
        chain: step.chain,
        stepNumber: step.stepNumber,
        source: step.sourceSystem,
        target: step.targetSystem,
        eventType: step.eventType,
        description: step.description,
        status: step.status,
        broken: breakReason(step, now),
        isFailureNode: failure?.step === step,
        expectedBy: iso(step.expectedBy),
        arrivedAt: iso(step.arrivedAt),
        attempts: step.attempts,
        lastError: step.lastError,
        delivery: delivery && {
          id: delivery.id,
          status: delivery.status,
          attempts: delivery.attempts,
          lastStatusCode: delivery.lastStatusCode,
          lastError: delivery.lastError,
          injectedFault: delivery.injectedFault,
          // A receiver that could not verify the signature answers 401.
          signature: delivery.lastStatusCode === 401 ? "refused" : delivery.lastStatusCode ? "verified" : "not checked yet",
          payload: delivery.event.payload,
        },
      };
    }),
  };
}

/** The order's mismatches in the latest finished reconciliation that checked it, if any. */
async function latestMismatches(db: Db, orderId: string, storeId: string) {
  const run = await db.reconciliationRun.findFirst({
    where: { status: "done", OR: [{ storeId: null }, { storeId }] },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  if (!run) return [];
  return db.reconciliationMismatch.findMany({ where: { runId: run.id, orderId }, include: { run: { select: { startedAt: true } } } });
}

export type OrderCascade = NonNullable<Awaited<ReturnType<typeof loadOrderCascade>>>;
