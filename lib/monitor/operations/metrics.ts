import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Db } from "@/lib/platform/db/prisma";
import { busHealth } from "./bus-health";

/**
 * Handoff's Prometheus metrics. Gauges are read from the database when scraped, so every
 * app server reports the same bus-wide figures; process metrics are this server's own.
 */
function createRegistry(db: () => Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "handoff_" });

  new Gauge({
    name: "handoff_deliveries",
    help: "Deliveries by receiving system and status.",
    labelNames: ["target", "status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await db().delivery.groupBy({ by: ["targetSystem", "status"], _count: { _all: true } });
      for (const group of groups) this.set({ target: group.targetSystem, status: group.status }, group._count._all);
    },
  });
  new Gauge({
    name: "handoff_chain_steps",
    help: "Chain steps by chain and status.",
    labelNames: ["chain", "status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await db().chainStep.groupBy({ by: ["chain", "status"], _count: { _all: true } });
      for (const group of groups) this.set({ chain: group.chain, status: group.status }, group._count._all);
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
