import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { POST as observationsRoute } from "@/app/api/v1/observations/route";
import { parseCsv } from "@/lib/monitor/observations/parse-lines";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";

const db = () => getDb();

async function post(key: string, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await observationsRoute(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}`, ...headers }, body }));
  return { status: response.status, body: (await response.json()) as { accepted?: number; error?: string } };
}

describe("log files as retailers export them", () => {
  it("reads CSV with a byte-order mark, ; separators and quoted fields holding separators and line breaks", () => {
    const text = '\uFEFFsystem;event;order;at;aliases\npos;pickup-complete;"A;1";2026-11-20T15:00:00Z;#W1|SO-1\n"oms";"pickup\nconfirmation";B-2;2026-11-20T15:00:01Z;\nwms;x;"unterminated;2026-11-20T15:00:02Z;\n';
    const parsed = parseCsv(text);
    expect(parsed.observations.map(({ system, eventType, orderRef, aliases }) => ({ system, eventType, orderRef, aliases }))).toEqual([
      { system: "POS", eventType: "pickup-complete", orderRef: "A;1", aliases: ["#W1", "SO-1"] },
      { system: "OMS", eventType: "pickup\nconfirmation", orderRef: "B-2", aliases: [] },
    ]);
    expect(parsed.rejected).toEqual([{ line: 5, errors: [expect.stringMatching(/Quote Not Closed/)] }]);
  });

  it("takes gzip bodies, said by their encoding or seen in their bytes, and refuses one that unpacks past the limit", async () => {
    const { key } = await createApiKey(db(), "gzip test");
    const order = `GZ-${Date.now()}`;
    const lines = ["oms", "wms"].map((system, i) => JSON.stringify({ system, event: "order.created", order, at: new Date(Date.now() - 60_000 + i).toISOString() })).join("\n");
    expect(await post(key, gzipSync(lines), { "content-encoding": "gzip" })).toMatchObject({ status: 200, body: { accepted: 2 } });
    expect(await post(key, gzipSync(lines))).toMatchObject({ status: 200, body: { accepted: 2 } });
    expect(await db().observation.count({ where: { orderRef: order } })).toBe(4);

    // 21 MB of one character packs into a few KB; it must not unpack into memory whole.
    const bomb = gzipSync(Buffer.alloc(21 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await post(key, bomb, { "content-encoding": "gzip" })).toMatchObject({ status: 413, body: { error: expect.stringMatching(/unpacks to more than 20 MB/) } });
    expect(await post(key, "not gzip", { "content-encoding": "gzip" })).toMatchObject({ status: 400, body: { error: "The body says it is gzip but does not unpack." } });
    expect(await post(key, lines, { "content-encoding": "br" })).toMatchObject({ status: 415 });
  });
});
