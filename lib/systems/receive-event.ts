import { z } from "zod";
import type { Db, Tx } from "@/lib/db/prisma";
import { eventEnvelopeSchema, type EventEnvelope } from "@/lib/bus/envelope";
import { wakeDispatcher } from "@/lib/bus/outbox";
import { verifySignedRequest } from "@/lib/bus/signing";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { EventDataError } from "./order-event-data";

export type EventHandler = (tx: Tx, event: EventEnvelope) => Promise<"applied" | "ignored">;

export type ReceiveResult = { status: number; body: Record<string, unknown> };

/**
 * The receiving half of every boundary: verify the Standard Webhooks signature and
 * timestamp with the system's secret, validate the envelope, and apply it at most
 * once: the receipt (keyed by webhook id) and the change commit together.
 */
export async function receiveEvent(db: Db, system: SystemName, request: Request, handle: EventHandler, acceptedStatus = 200): Promise<ReceiveResult> {
  const body = await request.text();
  const endpoint = await db.systemEndpoint.findUnique({ where: { system } });
  if (!endpoint) return { status: 503, body: { error: `${system} has no endpoint configured yet.` } };
  const verification = verifySignedRequest(endpoint.signingSecret, body, request.headers);
  if (!verification.ok) return { status: 401, body: { error: `Signature check failed: ${verification.reason}` } };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { status: 400, body: { error: "The body is not valid JSON.", fields: [] } };
  }
  const parsed = eventEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: "The event does not match the expected shape.", fields: fieldErrors(parsed.error) } };

  let outcome: "applied" | "ignored" | "duplicate";
  try {
    outcome = await db.$transaction(async (tx) => {
      const fresh = await tx.$executeRaw`
        INSERT INTO "InboxReceipt" ("system", "webhookId", "eventType") VALUES (${system}::"SystemName", ${verification.webhookId}, ${parsed.data.type})
        ON CONFLICT DO NOTHING`;
      if (fresh === 0) return "duplicate" as const;
      return handle(tx, parsed.data);
    });
  } catch (error) {
    if (error instanceof EventDataError) return { status: 400, body: { error: error.message, fields: fieldErrors(error.zodError, "data") } };
    throw error;
  }
  // What the change announced in turn (e.g. the WMS's availability update) goes out now.
  if (outcome === "applied") await wakeDispatcher(db);
  return { status: acceptedStatus, body: { status: outcome } };
}

export function fieldErrors(error: z.ZodError, prefix?: string): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path].filter((part) => part !== undefined).join(".") || "(body)", message: issue.message }));
}
