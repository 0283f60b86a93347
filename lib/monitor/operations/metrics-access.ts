import { timingSafeEqual } from "node:crypto";
import { isLoopback } from "@/lib/platform/http/client-address";
import { clientAddress } from "@/lib/platform/security/rate-limit";

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403; error: string };

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape /api/metrics: a scraper on the same host with no token (the default), and
 * from anywhere else only with `Authorization: Bearer <HANDOFF_METRICS_TOKEN>`. The counts
 * hold no customer data, but they do show an order rate a competitor would like to read.
 */
export function metricsAccess(headers: Headers, token: string | undefined): MetricsAccess {
  const bearer = /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1];
  if (token && bearer !== undefined) return sameToken(bearer, token) ? { ok: true } : { ok: false, status: 401, error: "That metrics token is not the one configured." };
  if (isLoopback(clientAddress(headers))) return { ok: true };
  if (!token) return { ok: false, status: 403, error: "Metrics are served to this host only; set HANDOFF_METRICS_TOKEN to scrape from elsewhere." };
  return { ok: false, status: 401, error: "Send the metrics token as `Authorization: Bearer <token>`." };
}
