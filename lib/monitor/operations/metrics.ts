import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Db } from "@/lib/platform/db/prisma";
import { busOverview } from "@/lib/bus/bus-overview";
import { ChainStepStatus } from "@/lib/generated/prisma/enums";
import { busHealth } from "./bus-health";

const OPEN_STEP_STATUSES = Object.values(ChainStepStatus).filter((status) => status !== "DELIVERED");

/**
 * Handoff's Prometheus metrics. Gauges are read from the database when scraped, so every
 * app server reports the same bus-wide figures; process metrics are this server's own.
 */
function createRegistry(db: () => Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "handoff_" });

  // Counts never read the kept history, which grows for as long as it is kept: open work
  // now, and what was delivered in the last 24 hours.
  new Gauge({
    name: "handoff_deliveries",
    help: "Deliveries by receiving system and status: waiting (PENDING) and dead-lettered (DEAD) now, DELIVERED in the last 24 hours.",
    labelNames: ["target", "status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { system, counts } of (await busOverview(db())).bySystem) {
        for (const [status, count] of Object.entries(counts)) this.set({ target: system, status }, count);
      }
    },
  });
  new Gauge({
    name: "handoff_chain_steps",
    help: "Chain steps by chain and status: those not yet arrived now, DELIVERED in the last 24 hours.",
    labelNames: ["chain", "status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const [open, delivered] = await Promise.all([
        db().chainStep.groupBy({ by: ["chain", "status"], where: { status: { in: OPEN_STEP_STATUSES } }, _count: { _all: true } }),
        db().deliveredStepBucket.groupBy({ by: ["chain"], where: { bucket: { gte: new Date(Date.now() - 86_400_000) } }, _sum: { count: true } }),
      ]);
      for (const group of open) this.set({ chain: group.chain, status: group.status }, group._count._all);
      for (const group of delivered) this.set({ chain: group.chain, status: "DELIVERED" }, group._sum.count ?? 0);
    },
  });
  new Gauge({
    name: "handoff_chain_steps_overdue",
    help: "Chain steps past their deadline that have not arrived.",
    registers: [registry],
    async collect() {
      this.set(await db().chainStep.count({ where: { status: { not: "DELIVERED" }, expectedBy: { lt: new Date() } } }));
    },
  });
  let health: Awaited<ReturnType<typeof busHealth>> | null = null;
  const bus = async () => (health ??= await busHealth(db()));
  new Gauge({
    name: "handoff_outbox_lag_seconds",
    help: "How long the oldest due delivery has waited to be sent.",
    registers: [registry],
    async collect() {
      this.set((await bus()).outboxLagSeconds);
    },
  });
  new Gauge({
    name: "handoff_dead_letters",
    help: "Deliveries that ran out of retries or were refused.",
    registers: [registry],
    async collect() {
      this.set((await bus()).deadLetters);
    },
  });
  new Gauge({
    name: "handoff_worker_heartbeat_age_seconds",
    help: "Seconds since the freshest delivery-worker heartbeat (-1: no worker has run).",
    registers: [registry],
    async collect() {
      this.set((await bus()).workerHeartbeatAgeSeconds ?? -1);
    },
  });
  return {
    registry,
    /** One scrape: the bus figures are read once and shared by the gauges that need them. */
    async scrape() {
      health = null;
      return registry.metrics();
    },
  };
}

const globalForMetrics = globalThis as unknown as { handoffMetrics?: ReturnType<typeof createRegistry> };

export function handoffMetrics(db: () => Db) {
  globalForMetrics.handoffMetrics ??= createRegistry(db);
  return globalForMetrics.handoffMetrics;
}
