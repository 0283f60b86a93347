import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifySignedRequest } from "@/lib/bus/signing";
import { getDb } from "@/lib/platform/db/prisma";
import { alertSigningSecret, DEAD_LETTERS_KEY, evaluateAlerts, resolveIncident, sendAlertWebhook } from "@/lib/monitor/operations/alerts";

const db = () => getDb();

// A chat tool's incoming webhook on loopback: it keeps what arrives and whether the signature held.
const received: { body: { text: string; key: string }; verified: boolean }[] = [];
const hook = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString();
    const verified = verifySignedRequest(alertSigningSecret(), body, new Headers(req.headers as Record<string, string>)).ok;
    received.push({ body: JSON.parse(body), verified });
    res.writeHead(200).end("ok");
  });
});

let hookUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/ops`;
});
beforeEach(() => {
  process.env.HANDOFF_ALERT_WEBHOOK_URL = hookUrl;
});
afterAll(async () => {
  delete process.env.HANDOFF_ALERT_WEBHOOK_URL;
  await new Promise((resolve) => hook.close(resolve));
});

const node = (red: boolean, failureRate = 0.4) => ({ id: "test-node-alerts", label: "Test node", red, lastHour: { delivered: 6, late: 4, retrying: 0, deadLettered: 0, rejected: 0, inFlight: 0, failureRate } });

describe("alerts", () => {
  it("sends one signed, Slack-compatible webhook per incident, and resolves it when the node recovers", async () => {
    await db().alertState.deleteMany({ where: { key: DEAD_LETTERS_KEY } });
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 });
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 }); // still failing: no second alert
    expect(received).toEqual([{ body: expect.objectContaining({ text: ":rotating_light: Handoff: Test node: 40% of steps failed in the last hour.", key: "test-node-alerts" }), verified: true }]);
    expect(await db().alertIncident.findFirstOrThrow({ where: { key: "test-node-alerts", resolvedAt: null } })).toMatchObject({ notifiedAt: expect.any(Date), notifyError: null });

    await evaluateAlerts(db(), { nodes: [node(false, 0)], deadLetters: 0 });
    expect(await db().alertIncident.count({ where: { key: "test-node-alerts", resolvedAt: null } })).toBe(0);
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 }); // a new incident
    expect(received).toHaveLength(2);
    await evaluateAlerts(db(), { nodes: [], deadLetters: 0 });
  });

  it("alerts when the dead-letter queue grows, once, until it is emptied", async () => {
    received.length = 0;
    await db().alertState.deleteMany({ where: { key: DEAD_LETTERS_KEY } });
    await evaluateAlerts(db(), { nodes: [], deadLetters: 2 });
    await evaluateAlerts(db(), { nodes: [], deadLetters: 3 });
    expect(received.map((alert) => alert.body.key)).toEqual([DEAD_LETTERS_KEY]);
    // The open incident says how things stand now.
    expect((await db().alertIncident.findFirstOrThrow({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } })).message).toBe("The dead-letter queue holds 3 deliveries (was 2).");
    await evaluateAlerts(db(), { nodes: [], deadLetters: 0 });
    expect(await db().alertIncident.count({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } })).toBe(0);
  });

  it("opens one incident when two workers notice at once, and keeps the webhook's failure", async () => {
    received.length = 0;
    await Promise.all([evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 }), evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 })]);
    expect(received).toHaveLength(1);
    await evaluateAlerts(db(), { nodes: [], deadLetters: 0 });

    process.env.HANDOFF_ALERT_WEBHOOK_URL = "http://127.0.0.1:9/unreachable";
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 }, sendAlertWebhook);
    expect(await db().alertIncident.findFirstOrThrow({ where: { key: "test-node-alerts", resolvedAt: null } })).toMatchObject({ notifiedAt: null, notifyError: expect.any(String) });
    await evaluateAlerts(db(), { nodes: [], deadLetters: 0 });
  });

  it("resolves a node's alert once its last hour recovers, though the last 24 hours still show the failures", async () => {
    received.length = 0;
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 });
    expect(await db().alertIncident.count({ where: { key: "test-node-alerts", resolvedAt: null } })).toBe(1);
    // Still red over the day, healthy in the last hour: the condition the alert names has cleared.
    await evaluateAlerts(db(), { nodes: [node(true, 0)], deadLetters: 0 });
    expect(await db().alertIncident.count({ where: { key: "test-node-alerts", resolvedAt: null } })).toBe(0);
    expect(received).toHaveLength(1);
  });

  it("keeps an incident resolved by hand quiet while its condition lasts, and opens a new one when it returns", async () => {
    received.length = 0;
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 });
    const incident = await db().alertIncident.findFirstOrThrow({ where: { key: "test-node-alerts", resolvedAt: null } });
    expect(await resolveIncident(db(), incident.id, "Max Manager")).toBe(true);
    expect(await resolveIncident(db(), incident.id, "Max Manager")).toBe(false); // already resolved
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 });
    expect(await db().alertIncident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ resolvedBy: "Max Manager", resolvedAt: expect.any(Date) });
    expect(await db().alertIncident.count({ where: { key: "test-node-alerts", resolvedAt: null } })).toBe(0);

    await evaluateAlerts(db(), { nodes: [node(false, 0)], deadLetters: 0 }); // it clears…
    await evaluateAlerts(db(), { nodes: [node(true)], deadLetters: 0 }); // …and comes back: a new incident
    expect(await db().alertIncident.count({ where: { key: "test-node-alerts", resolvedAt: null } })).toBe(1);
    expect(received).toHaveLength(2);
    await evaluateAlerts(db(), { nodes: [], deadLetters: 0 });
  });

  it("keeps a hand-resolved dead-letter alert quiet until the queue grows past what it held", async () => {
    received.length = 0;
    await db().alertState.deleteMany({ where: { key: DEAD_LETTERS_KEY } });
    await evaluateAlerts(db(), { nodes: [], deadLetters: 2 });
    const incident = await db().alertIncident.findFirstOrThrow({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } });
    await resolveIncident(db(), incident.id, "Max Manager");
    await evaluateAlerts(db(), { nodes: [], deadLetters: 2 });
    expect(await db().alertIncident.count({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } })).toBe(0);
    await evaluateAlerts(db(), { nodes: [], deadLetters: 3 });
    expect(await db().alertIncident.count({ where: { key: DEAD_LETTERS_KEY, resolvedAt: null } })).toBe(1);
    await evaluateAlerts(db(), { nodes: [], deadLetters: 0 });
  });
});
