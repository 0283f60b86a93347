import { createHmac, randomUUID } from "node:crypto";
import { signedHeaders } from "@/lib/bus/signing";
import type { Db } from "@/lib/platform/db/prisma";
import { NODE_FAILURE_THRESHOLD, type NodeHealth } from "@/lib/monitor/cascade/node-health";
import { getAppSecret } from "@/lib/platform/security/pickup-code";
import { readEnv } from "@/lib/platform/env";

export const DEAD_LETTERS_KEY = "dead-letters";

export type AlertConditions = { nodes: Pick<NodeHealth, "id" | "label" | "lastHour">[]; deadLetters: number };

/** Remembers that someone resolved an incident by hand: it stays quiet until its condition clears (or, for dead letters, grows past this). */
const mutedKey = (key: string) => `muted:${key}`;
export type AlertSender = (incident: { key: string; message: string; openedAt: Date }) => Promise<void>;

/** The secret alert webhooks are signed with (Standard Webhooks), derived from the app secret and shown to admins. */
export function alertSigningSecret(): string {
  return `whsec_${createHmac("sha256", getAppSecret()).update("alert-webhooks").digest("base64")}`;
}

/** Slack-compatible JSON (`text`), signed, to HANDOFF_ALERT_WEBHOOK_URL; without a URL the banner on /ops is the only alert. */
export const sendAlertWebhook: AlertSender = async (incident) => {
  const url = readEnv().HANDOFF_ALERT_WEBHOOK_URL;
  if (!url) return;
  const body = JSON.stringify({ text: `:rotating_light: Handoff: ${incident.message}`, key: incident.key, openedAt: incident.openedAt.toISOString() });
  const response = await fetch(url, { method: "POST", headers: signedHeaders(alertSigningSecret(), randomUUID(), body), body, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} from the alert webhook`);
};

/**
 * Opens an incident when a condition starts (a node's failure rate over its threshold in
 * the last hour, the dead-letter queue growing), notifies once, and resolves it when the
 * condition clears: one alert per incident, not one per order. An incident resolved by
 * hand is not reopened while its condition lasts. The unique index on open keys makes
 * this safe with several workers evaluating at once.
 */
export async function evaluateAlerts(db: Db, conditions: AlertConditions, send: AlertSender = sendAlertWebhook, now = new Date()) {
  const firing = new Map<string, string>();
  for (const node of conditions.nodes) {
    // The last hour's rate, as the message says: a burst yesterday does not keep an alert open today.
    // A watched node counts orders (its stack's lines say only where each order stopped), Handoff's own counts steps.
    const what = node.id.startsWith("watched:") ? "of the watched orders got stuck there" : "of steps failed";
    if (node.lastHour.failureRate > NODE_FAILURE_THRESHOLD) firing.set(node.id, `${node.label}: ${(node.lastHour.failureRate * 100).toFixed(0)}% ${what} in the last hour.`);
  }
  const previous = await db.alertState.findUnique({ where: { key: DEAD_LETTERS_KEY } });
  const openDeadLetters = await db.alertIncident.findFirst({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } });
  const grew = conditions.deadLetters > (previous?.value ?? 0);
  if (conditions.deadLetters > 0 && (grew || openDeadLetters)) {
    firing.set(DEAD_LETTERS_KEY, `The dead-letter queue holds ${conditions.deadLetters} ${conditions.deadLetters === 1 ? "delivery" : "deliveries"}${previous ? ` (was ${previous.value})` : ""}.`);
  }
  await db.alertState.upsert({ where: { key: DEAD_LETTERS_KEY }, create: { key: DEAD_LETTERS_KEY, value: conditions.deadLetters }, update: { value: conditions.deadLetters } });

  // Hand-resolved incidents stay quiet while their condition lasts; once it clears, the mute goes.
  const mutes = await db.alertState.findMany({ where: { key: { startsWith: mutedKey("") } } });
  for (const mute of mutes) {
    const key = mute.key.slice(mutedKey("").length);
    const stillMuted = firing.has(key) && (key !== DEAD_LETTERS_KEY || conditions.deadLetters <= mute.value);
    if (stillMuted) firing.delete(key);
    else await db.alertState.delete({ where: { key: mute.key } }).catch(() => {});
  }

  // Resolve what stopped; open what started.
  await db.alertIncident.updateMany({ where: { resolvedAt: null, key: { notIn: [...firing.keys()] } }, data: { resolvedAt: now } });
  const opened: { id: string; key: string; message: string; openedAt: Date }[] = [];
  for (const [key, message] of firing) {
    const rows = await db.$queryRaw<{ id: string; openedAt: Date }[]>`
      INSERT INTO "AlertIncident" ("id", "key", "message", "openedAt") VALUES (${randomUUID()}::uuid, ${key}, ${message}, ${now})
      ON CONFLICT ("key") WHERE "resolvedAt" IS NULL DO NOTHING
      RETURNING "id", "openedAt"`;
    if (rows[0]) opened.push({ id: rows[0].id, key, message, openedAt: rows[0].openedAt });
    // An incident already open keeps its place but says how things stand now (no new notification).
    else await db.alertIncident.updateMany({ where: { key, resolvedAt: null, message: { not: message } }, data: { message } });
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

/** Someone on the ops team resolves an open incident by hand; it is not reopened while its condition lasts. */
export async function resolveIncident(db: Db, id: string, by: string, now = new Date()): Promise<boolean> {
  const incident = await db.alertIncident.findUnique({ where: { id } });
  if (!incident || incident.resolvedAt) return false;
  const level = incident.key === DEAD_LETTERS_KEY ? ((await db.alertState.findUnique({ where: { key: DEAD_LETTERS_KEY } }))?.value ?? 0) : 1;
  await db.$transaction([
    db.alertIncident.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: now, resolvedBy: by } }),
    db.alertState.upsert({ where: { key: mutedKey(incident.key) }, create: { key: mutedKey(incident.key), value: level }, update: { value: level } }),
  ]);
  return true;
}

export function openIncidents(db: Db) {
  return db.alertIncident.findMany({ where: { resolvedAt: null }, orderBy: { openedAt: "asc" } });
}
