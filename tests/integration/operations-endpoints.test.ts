import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { createDb, getDb } from "@/lib/platform/db/prisma";
import { healthReport } from "@/lib/monitor/operations/health-report";
import { scratchDatabase } from "../support/scratch-database";

const db = () => getDb();

async function readHealth() {
  const response = await health();
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { worker: { alive: boolean; heartbeatAgeSeconds: number | null } } };
}

describe("operations endpoints", () => {
  it("/api/health reports the database, the worker's heartbeat, the outbox lag and the dead letters", async () => {
    const event = await db().outboxEvent.create({ data: { source: "OMS", type: "ops.test", payload: {} } });
    await db().delivery.create({ data: { outboxEventId: event.id, targetSystem: "STOREFRONT", position: event.position, status: "DEAD" } });
    // Due 90 s ago and held by a worker that went away (a lease, so other test files' dispatchers leave it alone).
    await db().delivery.create({
      data: { outboxEventId: event.id, targetSystem: "WMS", position: event.position, nextAttemptAt: new Date(Date.now() - 90_000), leaseUntil: new Date(Date.now() + 600_000) },
    });

    const withoutWorker = await readHealth();
    expect(withoutWorker.status).toBe(200);
    expect(withoutWorker.body).toMatchObject({ status: "degraded", database: "reachable", worker: { alive: false } });
    expect(withoutWorker.body.deadLetters).toBeGreaterThanOrEqual(1);
    expect(withoutWorker.body.outboxLagSeconds).toBeGreaterThanOrEqual(89);

    const workerId = `test-${randomUUID()}`;
    await db().workerHeartbeat.create({ data: { workerId, hostname: "test", pid: 1, startedAt: new Date(), seenAt: new Date(Date.now() - 2_000) } });
    const withWorker = await readHealth();
    expect(withWorker.body).toMatchObject({ status: "ok", worker: { alive: true } });
    expect(withWorker.body.worker.heartbeatAgeSeconds).toBeGreaterThanOrEqual(2);

    await db().workerHeartbeat.update({ where: { workerId }, data: { seenAt: new Date(Date.now() - 60_000) } });
    expect((await readHealth()).body).toMatchObject({ status: "degraded", worker: { alive: false } });
    await db().workerHeartbeat.delete({ where: { workerId } });
    await db().delivery.deleteMany({ where: { outboxEventId: event.id } });
  });

  it("/api/health answers 503 when the database goes away, never 500", async () => {
    // A database of its own that disappears under a connected app, then a server that is not there at all.
    const scratch = await scratchDatabase("health");
    const app = createDb(scratch.url);
    try {
      expect((await healthReport(app)).status).toBe(200);
      await scratch.drop();
      expect(await healthReport(app)).toEqual({ status: 503, body: { status: "error", database: "unreachable" } });
    } finally {
      await app.$disconnect().catch(() => {});
    }
    const nowhere = createDb("postgresql://nobody:nothing@127.0.0.1:9/none", { connectionTimeoutMillis: 2_000 });
    expect((await healthReport(nowhere)).status).toBe(503);
    await nowhere.$disconnect().catch(() => {});
  });

  it("/api/metrics speaks Prometheus text with the bus's figures", async () => {
    const deadBefore = await db().delivery.count({ where: { status: "DEAD" } });
    const response = await metrics(new Request("http://handoff.test/api/metrics", { headers: { "x-forwarded-for": "127.0.0.1" } }));
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of ["handoff_deliveries", "handoff_chain_steps", "handoff_chain_steps_overdue", "handoff_outbox_lag_seconds", "handoff_dead_letters", "handoff_worker_heartbeat_age_seconds", "handoff_process_cpu_user_seconds_total"]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    const dead = Number(/^handoff_dead_letters (\d+)$/m.exec(text)?.[1]);
    // Other test files add and replay dead letters meanwhile: the scrape lies between the counts around it.
    const deadAfter = await db().delivery.count({ where: { status: "DEAD" } });
    expect(dead).toBeGreaterThanOrEqual(Math.min(deadBefore, deadAfter));
    expect(dead).toBeLessThanOrEqual(Math.max(deadBefore, deadAfter));
  });

  it("/api/metrics answers this host with no token, and another host only with the configured token", async () => {
    const scrape = (from: string, authorization?: string) =>
      metrics(new Request("http://handoff.test/api/metrics", { headers: { "x-forwarded-for": from, ...(authorization ? { authorization } : {}) } }));
    const saved = process.env.HANDOFF_METRICS_TOKEN;
    try {
      delete process.env.HANDOFF_METRICS_TOKEN;
      expect((await scrape("::1")).status).toBe(200);
      expect((await scrape("::ffff:127.0.0.1")).status).toBe(200);
      const remote = await scrape("203.0.113.9");
      expect(remote.status).toBe(403);
      expect((await remote.json()).error).toContain("HANDOFF_METRICS_TOKEN");

      process.env.HANDOFF_METRICS_TOKEN = "a-metrics-token-of-some-length";
      expect((await scrape("203.0.113.9")).status).toBe(401);
      expect((await scrape("203.0.113.9", "Bearer not-the-token")).status).toBe(401);
      expect((await scrape("203.0.113.9", "Bearer a-metrics-token-of-some-length")).status).toBe(200);
      expect((await scrape("127.0.0.1")).status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.HANDOFF_METRICS_TOKEN;
      else process.env.HANDOFF_METRICS_TOKEN = saved;
    }
  });
});
