import type { Db } from "@/lib/platform/db/prisma";
import type { SystemEndpoint } from "@/lib/generated/prisma/client";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { newSigningSecret } from "./signing";
import { readEnv } from "@/lib/platform/env";

export const ALL_SYSTEMS: SystemName[] = ["STOREFRONT", "OMS", "WMS", "POS", "NOTIFICATION"];

/** Every system gets an endpoint row (built in, with its own secret) on first start. */
export async function ensureSystemEndpoints(db: Db): Promise<void> {
  for (const system of ALL_SYSTEMS) {
    await db.systemEndpoint.upsert({ where: { system }, update: {}, create: { system, signingSecret: newSigningSecret() } });
  }
}

export function internalBaseUrl(): string {
  const env = readEnv();
  return env.HANDOFF_INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`;
}

/**
 * Where a delivery goes and which secret signs it. Events *to* the OMS arrive on its
 * inbound API under the sending system's name and are signed with that system's
 * secret; events to any other system go to that system's endpoint with its secret.
 */
export function deliveryTarget(
  endpoints: Map<SystemName, SystemEndpoint>,
  source: SystemName,
  target: SystemName,
  baseUrl = internalBaseUrl(),
): { url: string; secret: string } {
  const party = target === "OMS" ? source : target;
  const endpoint = endpoints.get(party);
  if (!endpoint) throw new Error(`No endpoint configured for ${party}`);
  if (endpoint.mode === "EXTERNAL" && target !== "OMS") {
    if (!endpoint.url) throw new Error(`${party} is external but has no URL`);
    return { url: endpoint.url, secret: endpoint.signingSecret };
  }
  const path = target === "OMS" ? `/api/v1/events/${source.toLowerCase()}` : `/api/v1/systems/${target.toLowerCase()}/events`;
  return { url: `${baseUrl}${path}`, secret: endpoint.signingSecret };
}

export async function loadEndpoints(db: Db): Promise<Map<SystemName, SystemEndpoint>> {
  const rows = await db.systemEndpoint.findMany();
  return new Map(rows.map((row) => [row.system, row]));
}
