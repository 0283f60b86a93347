import { z } from "zod";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { eventEnvelopeSchema, type EventEnvelope } from "@/lib/bus/envelope";
import { announcedIn, wakeDispatcher } from "@/lib/bus/outbox";
import { verifySignedRequest } from "@/lib/bus/signing";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { parseJsonText } from "@/lib/platform/http/parse-json";
import { readBodyText } from "@/lib/platform/http/read-body";
import { EventDataError, UnsupportedEventError } from "@/lib/bus/event-data";
import { groupCommit, perClient, settle, type Settled } from "@/lib/platform/group-commit";
import { withCommitHooks } from "@/lib/platform/db/commit-hooks";

export type EventHandler = (tx: Tx, event: EventEnvelope) => Promise<"applied" | "ignored">;

export type ReceiveResult = { status: number; body: Record<string, unknown> };

// Secrets are read on every request but at most once per second per process: a rotated
// secret takes effect within a second, and a busy receiver does not query for each event.
const SECRET_CACHE_MS = 1_000;
const secretCache = new Map<SystemName, { at: number; endpoint: { signingSecret: string } }>();

async function endpointOf(db: Db, system: SystemName) {
  const cached = secretCache.get(system);
  if (cached && Date.now() - cached.at < SECRET_CACHE_MS) return cached.endpoint;
  const endpoint = await db.systemEndpoint.findUnique({ where: { system }, select: { signingSecret: true } });
  if (endpoint) secretCache.set(system, { at: Date.now(), endpoint });
  return endpoint;
}

/** One event is a few KB; a megabyte is room for any order's lines with none for abuse. */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** The raw body, once its Standard Webhooks signature and timestamp (±5 min) check out. */
export async function readSignedBody(
  db: Db,
  secretOf: SystemName,
  request: Request,
): Promise<{ ok: true; body: string; webhookId: string } | { ok: false; result: ReceiveResult }> {
  const read = await readBodyText(request, MAX_EVENT_BYTES);
  if (!read.ok) return { ok: false, result: { status: read.status, body: { error: read.error } } };
  const body = read.text;
  const endpoint = await endpointOf(db, secretOf);
  if (!endpoint) return { ok: false, result: { status: 503, body: { error: `${secretOf} has no endpoint configured yet.` } } };
  const verification = verifySignedRequest(endpoint.signingSecret, body, request.headers);
  if (!verification.ok) return { ok: false, result: { status: 401, body: { error: `Signature check failed: ${verification.reason}` } } };
  return { ok: true, body, webhookId: verification.webhookId };
}

type Application = { webhookId: string; eventType: string; apply: (tx: Tx) => Promise<unknown> };

/** Events one receiver applies in one transaction, at most; enough to share its cost, few enough to keep it short. */
const MOST_APPLIED_TOGETHER = 32;
/** A worker sends its claimed batch at once; this is long enough for those requests to arrive and go together. */
const LINGER_MS = 2;
/**
 * Transactions one system applies at once in this process: more than one, so a heavy batch
 * (the OMS closing pickups) does not hold up the next (at 50 pickups/s, one at a time left the
 * bus seconds behind); few, so the five systems together fit the database pool (20).
 */
const APPLYING_AT_ONCE = 4;

// One group commit per system and database client: a system's events applied together never
// wait on another system's.
const appliersOf = perClient(() => new Map<SystemName, (application: Application) => Promise<unknown>>());

/**
 * Applies an event at most once: the receipt (keyed by webhook id) and the change
 * commit together, so a redelivery finds the receipt and changes nothing. Events that
 * arrive for one system while it is applying others are applied together, in one
 * transaction (see applyTogether).
 */
export async function applyOnce<T>(db: Db, system: SystemName, webhookId: string, eventType: string, apply: (tx: Tx) => Promise<T>): Promise<T | "duplicate"> {
  const appliers = appliersOf(db);
  let applier = appliers.get(system);
  if (!applier) {
    applier = groupCommit((applications: Application[]) => applyTogether(db, system, applications), { maxBatch: MOST_APPLIED_TOGETHER, lingerMs: LINGER_MS, concurrency: APPLYING_AT_ONCE });
    appliers.set(system, applier);
  }
  return applier({ webhookId, eventType, apply }) as Promise<T | "duplicate">;
}

/**
 * One transaction for the receipts and changes of several events: one BEGIN, one receipts
 * statement and one COMMIT instead of one each per event. Rows many events touch (stock
 * levels) are written at its end, in a fixed order (withCommitHooks), so two batches never
 * deadlock over them. If any event fails, the whole
 * transaction rolls back and each is applied again on its own, so only the failing one
 * fails and nothing is applied twice.
 */
async function applyTogether(db: Db, system: SystemName, applications: Application[]): Promise<Settled<unknown>[]> {
  if (applications.length === 1) return [await settle(() => applyAlone(db, system, applications[0]!))];
  try {
    return await db.$transaction(
      async (tx) => {
        const fresh = await tx.$queryRaw<{ webhookId: string }[]>`
          INSERT INTO "InboxReceipt" ("system", "webhookId", "eventType")
          SELECT ${system}::"SystemName", id, type FROM unnest(${applications.map((a) => a.webhookId)}::text[], ${applications.map((a) => a.eventType)}::text[]) AS event(id, type)
          ON CONFLICT DO NOTHING
          RETURNING "webhookId"`;
        const unapplied = new Set(fresh.map((row) => row.webhookId));
        return withCommitHooks(tx, async () => {
          const answers: Settled<unknown>[] = [];
          for (const application of applications) {
            // The same event twice in one batch (a redelivery racing the first) is applied by the first.
            if (!unapplied.delete(application.webhookId)) answers.push({ status: "fulfilled", value: "duplicate" });
            else answers.push({ status: "fulfilled", value: await application.apply(tx) });
          }
          return answers;
        });
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch {
    const answers: Settled<unknown>[] = [];
    for (const application of applications) answers.push(await settle(() => applyAlone(db, system, application)));
    return answers;
  }
}

function applyAlone(db: Db, system: SystemName, { webhookId, eventType, apply }: Application) {
  return db.$transaction(async (tx) => {
    const fresh = await tx.$executeRaw`
      INSERT INTO "InboxReceipt" ("system", "webhookId", "eventType") VALUES (${system}::"SystemName", ${webhookId}, ${eventType})
      ON CONFLICT DO NOTHING`;
    if (fresh === 0) return "duplicate" as const;
    return withCommitHooks(tx, () => apply(tx));
  });
}

/**
 * The receiving half of a built-in module's boundary: verify with the module's secret,
 * validate the envelope, apply once, then wake the dispatcher if the change announced
 * something in turn (e.g. the WMS's availability update).
 */
export async function receiveEvent(db: Db, system: SystemName, request: Request, handle: EventHandler): Promise<ReceiveResult> {
  const signed = await readSignedBody(db, system, request);
  if (!signed.ok) return signed.result;
  const json = parseJsonText(signed.body);
  if (!json.ok) return { status: 400, body: { error: json.error, fields: json.field ? [json.field] : [] } };
  const parsed = eventEnvelopeSchema.safeParse(json.value);
  if (!parsed.success) return { status: 400, body: { error: "The event does not match the expected shape.", fields: fieldErrors(parsed.error) } };

  let outcome: "applied" | "ignored" | "duplicate";
  let announced = false;
  try {
    outcome = await applyOnce(db, system, signed.webhookId, parsed.data.type, async (tx) => {
      const applied = await handle(tx, parsed.data);
      announced = announcedIn(tx);
      return applied;
    });
  } catch (error) {
    if (error instanceof EventDataError) return { status: 400, body: { error: error.message, fields: fieldErrors(error.zodError, "data") } };
    if (error instanceof UnsupportedEventError) return { status: 400, body: { error: error.message, fields: [{ path: "type", message: error.message }] } };
    throw error;
  }
  if (announced) await wakeDispatcher(db);
  return { status: 200, body: { status: outcome } };
}

export function fieldErrors(error: z.ZodError, prefix?: string): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path].filter((part) => part !== undefined).join(".") || "(body)", message: issue.message }));
}
