import { createHmac, randomUUID } from "node:crypto";
import { signedHeaders } from "@/lib/bus/signing";
import type { Db } from "@/lib/db/prisma";
import type { NodeHealth } from "@/lib/cascade/node-health";
import { getAppSecret } from "@/lib/orders/pickup-code";

export const DEAD_LETTERS_KEY = "dead-letters";

export type AlertConditions = { nodes: Pick<NodeHealth, "id" | "label" | "red" | "lastHour">[]; deadLetters: number };
export type AlertSender = (incident: { key: string; message: string; openedAt: Date }) => Promise<void>;

/** The secret alert webhooks are signed with (Standard Webhooks), derived from the app secret and shown to admins. */
export function alertSigningSecret(): string {
  return `whsec_${createHmac("sha256", getAppSecret()).update("alert-webhooks").digest("base64")}`;
}

/** Slack-compatible JSON (`text`), signed, to HANDOFF_ALERT_WEBHOOK_URL; without a URL the banner on /ops is the only alert. */
export const sendAlertWebhook: AlertSender = async (incident) => {
  const url = process.env.HANDOFF_ALERT_WEBHOOK_URL;
  if (!url) return;
  const body = JSON.stringify({ text: `:rotating_light: Handoff: ${incident.message}`, key: incident.key, openedAt: incident.openedAt.toISOString() });
  const response = await fetch(url, { method: "POST", headers: signedHeaders(alertSigningSecret(), randomUUID(), body), body, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} from the alert webhook`);
};

/**
 * Opens an incident when a condition starts (a node's failure rate over its threshold, the
 * dead-letter queue growing), notifies once, and resolves it when the condition clears:
 * one alert per incident, not one per order. The unique index on open keys makes this
 * safe with several workers evaluating at once.
 */
export async function evaluateAlerts(db: Db, conditions: AlertConditions, send: AlertSender = sendAlertWebhook, now = new Date()) {
  const firing = new Map<string, string>();
  for (const node of conditions.nodes) {
    if (node.red) firing.set(node.id, `${node.label}: ${(node.lastHour.failureRate * 100).toFixed(0)}% of steps failed in the last hour.`);
  }
  const previous = await db.alertState.findUnique({ where: { key: DEAD_LETTERS_KEY } });
  const openDeadLetters = await db.alertIncident.findFirst({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } });
  const grew = conditions.deadLetters > (previous?.value ?? 0);
  if (conditions.deadLetters > 0 && (grew || openDeadLetters)) {
    firing.set(DEAD_LETTERS_KEY, `The dead-letter queue holds ${conditions.deadLetters} ${conditions.deadLetters === 1 ? "delivery" : "deliveries"}${previous ? ` (was ${previous.value})` : ""}.`);
  }
  await db.alertState.upsert({ where: { key: DEAD_LETTERS_KEY }, create: { key: DEAD_LETTERS_KEY, value: conditions.deadLetters }, update: { value: conditions.deadLetters } });

  // Resolve what stopped; open what started.
  await db.alertIncident.updateMany({ where: { resolvedAt: null, key: { notIn: [...firing.keys()] } }, data: { resolvedAt: now } });
  const opened: { id: string; key: string; message: string; openedAt: Date }[] = [];
  for (const [key, message] of firing) {
    const rows = await db.$queryRaw<{ id: string; openedAt: Date }[]>`
      INSERT INTO "AlertIncident" ("id", "key", "message", "openedAt") VALUES (${randomUUID()}::uuid, ${key}, ${message}, ${now})
      ON CONFLICT ("key") WHERE "resolvedAt" IS NULL DO NOTHING
      RETURNING "id", "openedAt"`;
    if (rows[0]) opened.push({ id: rows[0].id, key, message, openedAt: rows[0].openedAt });
  }
  for (const incident of opened) {
    try {
      await send(incident);
      await db.alertIncident.update({ where: { id: incident.id }, data: { notifiedAt: new Date() } });
    } catch (error) {
      await db.alertIncident.update({ where: { id: incident.id }, data: { notifyError: String((error as Error).message ?? error).slice(0, 500) } });
    }
  }
  return { opened: opened.length, firing: firing.size };
}

export function openIncidents(db: Db) {
  return db.alertIncident.findMany({ where: { resolvedAt: null }, orderBy: { openedAt: "asc" } });
}
