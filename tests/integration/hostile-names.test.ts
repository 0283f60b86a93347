import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as inbound } from "@/app/api/v1/events/[system]/route";
import { POST as systems } from "@/app/api/v1/systems/[system]/events/route";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { signedHeaders } from "@/lib/bus/signing";
import { getDb } from "@/lib/platform/db/prisma";
import { parseNdjson } from "@/lib/monitor/observations/parse-lines";

const db = () => getDb();
const params = (system: string) => ({ params: Promise.resolve({ system }) }) as never;

// Names every JavaScript object inherits: looked up in a plain record, they would answer with a function.
const INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty"];

describe("names that every object inherits", () => {
  it("are unknown systems to the OMS's inbound API and to the built-in receivers: 404, not a crash", async () => {
    for (const name of INHERITED) {
      const a = await inbound(new Request(`http://handoff.test/api/v1/events/${name}`, { method: "POST", body: "{}" }), params(name));
      expect([name, a.status]).toEqual([name, 404]);
      const b = await systems(new Request(`http://handoff.test/api/v1/systems/${name}/events`, { method: "POST", body: "{}" }), params(name));
      expect([name, b.status]).toEqual([name, 404]);
    }
  });

  it("are unknown event types to the storefront and the POS, refused with 400", async () => {
    await ensureSystemEndpoints(db());
    for (const system of ["storefront", "pos"] as const) {
      const { signingSecret } = await db().systemEndpoint.findUniqueOrThrow({ where: { system: system === "pos" ? "POS" : "STOREFRONT" } });
      for (const type of INHERITED) {
        const body = JSON.stringify({ id: randomUUID(), type, source: "OMS", position: "1", orderId: randomUUID(), orderNumber: 1, occurredAt: new Date().toISOString(), data: { orderNumber: 1, storeCode: "X" } });
        const response = await systems(new Request(`http://handoff.test/api/v1/systems/${system}/events`, { method: "POST", headers: signedHeaders(signingSecret, randomUUID(), body), body }), params(system));
        expect([system, type, response.status]).toEqual([system, type, 400]);
      }
    }
  });

  it("are unknown systems in an uploaded log: the line is refused with its reason", () => {
    const parsed = parseNdjson(INHERITED.map((system) => JSON.stringify({ system, event: "order.created", order: "A-1", at: "2026-11-20T15:00:00Z" })).join("\n"));
    expect(parsed.observations).toEqual([]);
    expect(parsed.rejected.map((line) => line.errors[0])).toEqual(INHERITED.map((system) => expect.stringContaining(`(got "${system}")`)));
  });
});
