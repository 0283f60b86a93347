import type { Db } from "@/lib/platform/db/prisma";
import { corruptPayload, pickFault, storeCodeOf, WRONG_EVENT_TYPE, type FaultRuleLike } from "@/lib/bus/faults/pick-fault";
import type { OutboxEvent } from "@/lib/generated/prisma/client";
import type { Chain, ChainStepStatus, FaultKind, SystemName } from "@/lib/generated/prisma/enums";
import { shopperAccessFor } from "@/lib/platform/security/shopper-access";
import { isRetryableStatus, nextRetryDelayMs, parseRetryAfter } from "./backoff";
import { deliveryTarget, loadEndpoints } from "./endpoints";
import { envelopeOf } from "./envelope";
import { signedHeaders } from "./signing";
import { readEnv } from "@/lib/platform/env";
import { groupCommit, perClient } from "@/lib/platform/group-commit";

/** The outbox event a delivery carries, as the claim reads it. */
export type ClaimedEvent = Pick<OutboxEvent, "id" | "source" | "type" | "position" | "orderId" | "occurredAt" | "payload">;

export type ClaimedDelivery = {
  id: string;
  outboxEventId: string;
  targetSystem: SystemName;
  attempts: number;
  orderId: string | null;
  chain: Chain | null;
  stepNumber: number | null;
  /** The order's link token, read only for deliveries to the notification layer (see `sendDelivery`). */
  shopperAccessToken: string | null;
  event: ClaimedEvent;
};

type ClaimedRow = Omit<ClaimedDelivery, "event"> & {
  eventSource: SystemName;
  eventType: string;
  eventOrderId: string | null;
  eventPosition: bigint;
  eventOccurredAt: Date;
  eventPayload: OutboxEvent["payload"];
};

export type DeliveryOutcome =
  | { kind: "delivered"; status: number }
  | { kind: "retry"; status: number | null; error: string; retryAfterSeconds: number | null }
  | { kind: "rejected"; status: number; error: string }
  /** Lost in transit (an injected drop): the bus knows it will never arrive, so it is dead at once. */
  | { kind: "dropped"; error: string };

/** How long a claim holds a delivery; a worker that dies lets it lapse after this. */
const LEASE_SECONDS = readEnv().HANDOFF_DELIVERY_LEASE_SECONDS;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Claims due deliveries for this worker. SKIP LOCKED lets several workers claim side
 * by side; the lease (not a held lock) marks them taken, so a worker that dies
 * mid-delivery only delays them until the lease lapses. One order's events reach a
 * system in outbox order: a delivery waits while an earlier one to the same system
 * for the same order is still pending.
 */
export async function claimDeliveries(db: Db, limit: number): Promise<ClaimedDelivery[]> {
  // The event rides along with the claim: one round trip per batch, not two.
  const rows = await db.$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
    UPDATE "Delivery" d
       SET "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}), "attempts" = d."attempts" + 1
     WHERE d."id" IN (
       SELECT c."id" FROM "Delivery" c
        WHERE c."status" = 'PENDING' AND c."nextAttemptAt" <= now()
          AND (c."leaseUntil" IS NULL OR c."leaseUntil" < now())
          AND NOT EXISTS (
            SELECT 1 FROM "Delivery" e
             WHERE c."orderId" IS NOT NULL AND e."orderId" = c."orderId" AND e."targetSystem" = c."targetSystem"
               AND e."status" = 'PENDING' AND e."position" < c."position")
        ORDER BY c."nextAttemptAt", c."position"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d."id", d."outboxEventId", d."targetSystem", d."attempts", d."orderId", d."chain", d."stepNumber")
    SELECT c.*, o."source" AS "eventSource", o."type" AS "eventType", o."orderId" AS "eventOrderId", o."position" AS "eventPosition",
           o."occurredAt" AS "eventOccurredAt", o."payload" AS "eventPayload", ord."accessToken" AS "shopperAccessToken"
      FROM claimed c JOIN "OutboxEvent" o ON o."id" = c."outboxEventId"
      LEFT JOIN "Order" ord ON ord."id" = o."orderId" AND c."targetSystem" = ${SHOPPER_FACING_SYSTEM}::"SystemName"`;
  return rows.map(({ eventSource, eventType, eventOrderId, eventPosition, eventOccurredAt, eventPayload, ...delivery }) => ({
    ...delivery,
    event: { id: delivery.outboxEventId, source: eventSource, type: eventType, position: eventPosition, orderId: eventOrderId, occurredAt: eventOccurredAt, payload: eventPayload },
  }));
}

/** The one system that messages shoppers, and so the only one sent their link and pickup code. */
const SHOPPER_FACING_SYSTEM: SystemName = "NOTIFICATION";

/**
 * One signed POST; never throws, every way it can end is an outcome. An injected
 * fault changes what is sent (a corrupted payload, a wrong type) or when (a delay).
 * An order event to the notification layer carries the shopper's link and pickup code,
 * attached here at send time: the outbox never stores them, and no other system sees them.
 */
export async function sendDelivery(
  delivery: ClaimedDelivery,
  event: ClaimedEvent,
  endpoints: Awaited<ReturnType<typeof loadEndpoints>>,
  fault: FaultRuleLike | null = null,
): Promise<DeliveryOutcome> {
  const { url, secret } = deliveryTarget(endpoints, event.source, delivery.targetSystem);
  const envelope = envelopeOf(event);
  if (delivery.shopperAccessToken) envelope.data = { ...envelope.data, shopper: shopperAccessFor(delivery.shopperAccessToken) };
  if (fault?.kind === "CORRUPT") Object.assign(envelope, { data: corruptPayload(envelope.data), orderNumber: null });
  if (fault?.kind === "WRONG_TYPE") envelope.type = WRONG_EVENT_TYPE;
  if (fault?.kind === "DELAY") await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5_000));
  const body = JSON.stringify(envelope);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: signedHeaders(secret, event.id, body),
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `timed out after ${REQUEST_TIMEOUT_MS} ms` : String((error as Error).cause ?? error);
    return { kind: "retry", status: null, error: `POST ${url}: ${reason}`, retryAfterSeconds: null };
  }
  const text = (await response.text().catch(() => "")).slice(0, 2000);
  if (response.ok) return { kind: "delivered", status: response.status };
  const error = `HTTP ${response.status} from ${url}${text ? `: ${text}` : ""}`;
  if (isRetryableStatus(response.status)) {
    return { kind: "retry", status: response.status, error, retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")) };
  }
  return { kind: "rejected", status: response.status, error };
}

/** Writes what happened to the delivery and to the chain step it fulfils, together. */
export async function recordOutcome(db: Db, delivery: ClaimedDelivery, outcome: DeliveryOutcome, now = new Date(), injectedFault: FaultKind | null = null): Promise<void> {
  if (outcome.kind === "delivered") return recordDelivered(db, delivery, outcome.status, now, injectedFault);
  await db.$transaction(async (tx) => {
    let stepStatus: ChainStepStatus;
    const lastError = outcome.error;
    if (outcome.kind === "dropped") {
      await tx.delivery.update({ where: { id: delivery.id }, data: { status: "DEAD", leaseUntil: null, lastStatusCode: null, lastError, injectedFault } });
      stepStatus = "DEAD_LETTERED";
    } else if (outcome.kind === "rejected") {
      await tx.delivery.update({
        where: { id: delivery.id },
        data: { status: "DEAD", rejected: true, leaseUntil: null, lastStatusCode: outcome.status, lastError: outcome.error, injectedFault },
      });
      stepStatus = "REJECTED";
    } else {
      const delay = nextRetryDelayMs(delivery.attempts, outcome.retryAfterSeconds);
      await tx.delivery.update({
        where: { id: delivery.id },
        data:
          delay === null
            ? { status: "DEAD", leaseUntil: null, lastStatusCode: outcome.status, lastError: outcome.error, injectedFault }
            : { nextAttemptAt: new Date(now.getTime() + delay), leaseUntil: null, lastStatusCode: outcome.status, lastError: outcome.error, injectedFault },
      });
      stepStatus = delay === null ? "DEAD_LETTERED" : "FAILED";
    }
    if (delivery.orderId && delivery.chain && delivery.stepNumber !== null) {
      await tx.chainStep.updateMany({
        where: { orderId: delivery.orderId, chain: delivery.chain, stepNumber: delivery.stepNumber, status: { not: "DELIVERED" } },
        data: { status: stepStatus, attempts: delivery.attempts, lastError },
      });
    }
  });
}

type Acknowledgement = { delivery: ClaimedDelivery; status: number; now: Date; injectedFault: FaultKind | null };

const acknowledgerOf = perClient((db: Db) =>
  groupCommit(
    async (acknowledgements: Acknowledgement[]) => {
      await writeDelivered(db, acknowledgements);
      return acknowledgements.map(() => ({ status: "fulfilled" as const, value: undefined }));
    },
    // Sends of one claimed batch finish within a millisecond or two of each other.
    { maxBatch: 256, lingerMs: 2 },
  ),
);

/**
 * The common case, acknowledged together: deliveries that succeed while an acknowledgement
 * is being written are written in the next one, one statement for all of them (the
 * deliveries done and the chain steps they fulfil arrived), with no interactive transaction.
 */
function recordDelivered(db: Db, delivery: ClaimedDelivery, status: number, now: Date, injectedFault: FaultKind | null): Promise<void> {
  return acknowledgerOf(db)({ delivery, status, now, injectedFault });
}

async function writeDelivered(db: Db, acknowledgements: Acknowledgement[]) {
  const column = <T>(pick: (acknowledgement: Acknowledgement) => T) => acknowledgements.map(pick);
  await db.$executeRaw`
    WITH acknowledged AS (
      SELECT * FROM unnest(${column((a) => a.delivery.id)}::uuid[], ${column((a) => a.status)}::int[], ${column((a) => a.delivery.attempts)}::int[],
                           ${column((a) => a.now)}::timestamp[], ${column((a) => a.injectedFault)}::"FaultKind"[])
        AS a("id", "status", "attempts", "at", "fault")),
    done AS (
      UPDATE "Delivery" d
         SET "status" = 'DELIVERED', "deliveredAt" = a."at", "leaseUntil" = NULL, "lastStatusCode" = a."status", "lastError" = NULL, "injectedFault" = a."fault"
        FROM acknowledged a
       WHERE d."id" = a."id"
      RETURNING d."orderId", d."chain", d."stepNumber", a."attempts", a."at")
    UPDATE "ChainStep" c
       SET "status" = 'DELIVERED', "arrivedAt" = done."at", "attempts" = done."attempts", "lastError" = NULL
      FROM done
     WHERE c."orderId" = done."orderId" AND c."chain" = done."chain" AND c."stepNumber" = done."stepNumber" AND c."status" <> 'DELIVERED'`;
}

/** Claims, sends and records one batch; returns how many deliveries it handled. */
export async function dispatchBatch(db: Db, limit = 16): Promise<number> {
  return processClaimed(db, await claimDeliveries(db, limit));
}

/** Sends and records claimed deliveries, applying any injected fault; returns how many were handled. */
export async function processClaimed(db: Db, claimed: ClaimedDelivery[]): Promise<number> {
  if (claimed.length === 0) return 0;
  // One read each per batch: the endpoints and the active fault rules.
  const [rules, endpoints] = await Promise.all([db.faultRule.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } }), loadEndpoints(db)]);
  let handled = 0;
  await Promise.all(
    claimed.map(async (delivery) => {
      const { event } = delivery;
      const fault = pickFault(rules, { source: event.source, target: delivery.targetSystem, type: event.type, storeCode: storeCodeOf(event.payload) });
      if (fault?.kind === "PAUSE") return holdPaused(db, delivery);
      handled++;
      const outcome: DeliveryOutcome =
        fault?.kind === "DROP"
          ? { kind: "dropped", error: DROPPED_ERROR }
          : fault?.kind === "HTTP_500"
          ? { kind: "retry", status: 500, error: "HTTP 500 (injected fault)", retryAfterSeconds: null }
          : await sendDelivery(delivery, event, endpoints, fault).catch(
              (error: unknown): DeliveryOutcome => ({ kind: "retry", status: null, error: String(error), retryAfterSeconds: null }),
            );
      await recordOutcome(db, delivery, outcome, new Date(), fault?.kind ?? null);
    }),
  );
  return handled;
}

const PAUSE_RECHECK_MS = 1_000;

/** A paused boundary sends nothing: the delivery waits, and the claim does not count as an attempt. */
async function holdPaused(db: Db, delivery: ClaimedDelivery) {
  await db.delivery.update({
    where: { id: delivery.id },
    data: { leaseUntil: null, attempts: { decrement: 1 }, nextAttemptAt: new Date(Date.now() + PAUSE_RECHECK_MS), injectedFault: "PAUSE" },
  });
}

/**
 * What a dropped delivery records. The receiver never saw it; the bus did, so the
 * delivery is a dead letter now, not a silence discovered at the step's deadline.
 */
export const DROPPED_ERROR = "Dropped in transit by an injected fault; the receiver never saw it";
