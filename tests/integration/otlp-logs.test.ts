import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtobufLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as otlpLogs } from "@/app/v1/logs/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";

const db = () => getDb();
let server: Server;
let url = "";
let key = "";
const answers: { status: number; contentType: string | null }[] = [];

// The route handler on a loopback port, so the real SDK exporters send to it over HTTP.
beforeAll(async () => {
  key = (await createApiKey(db(), "otlp test")).key;
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const response = await otlpLogs(request);
    answers.push({ status: response.status, contentType: response.headers.get("content-type") });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/logs`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Exporter = JsonLogExporter | ProtobufLogExporter;

/** One system of the watched stack, logging through the OpenTelemetry SDK as a retailer's service would. */
async function logAs(service: string, exporter: Exporter, records: { event: string; order: string; aliases?: string[]; direction?: string; secondsAgo: number; asBody?: boolean }[]) {
  const provider = new LoggerProvider({ resource: resourceFromAttributes({ "service.name": service }), processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger("handoff-test");
  for (const record of records) {
    logger.emit({
      timestamp: new Date(Date.now() - record.secondsAgo * 1000),
      severityNumber: SeverityNumber.INFO,
      ...(record.asBody ? { body: record.event } : { eventName: record.event }),
      attributes: { "order.id": record.order, ...(record.aliases ? { "order.aliases": record.aliases } : {}), ...(record.direction ? { direction: record.direction } : {}) },
    });
  }
  await provider.forceFlush();
  await provider.shutdown();
}

describe("OpenTelemetry logs in (POST /v1/logs)", () => {
  it("reads a stack's logs from the real SDK exporters, protobuf gzipped and JSON, into one watched order", async () => {
    const run = randomUUID().slice(0, 8);
    const [oms, web] = [`SO-${run}`, `#W${run}`];
    const headers = { authorization: `Bearer ${key}` };
    const protobuf = () => new ProtobufLogExporter({ url, headers, compression: CompressionAlgorithm.GZIP });
    const json = () => new JsonLogExporter({ url, headers });
    await logAs("oms", protobuf(), [{ event: "order.created", order: oms, aliases: [web], secondsAgo: 7200 }]);
    await logAs("wms", json(), [{ event: "order.created", order: oms, secondsAgo: 7199 }]);
    await logAs("pos", protobuf(), [{ event: "order.created", order: oms, secondsAgo: 7199 }]);
    // The storefront names the order by its own id, and writes the event as the record's body.
    await logAs("storefront", json(), [{ event: "order.created", order: web, secondsAgo: 7198, asBody: true }]);
    // The notification layer never logs the confirmation: placement's step 5 is missing two hours on.
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.map((answer) => answer.contentType)).toContain("application/x-protobuf");
    expect(answers.map((answer) => answer.contentType)).toContain("application/json");
    expect(await db().watchedOrder.findUniqueOrThrow({ where: { orderRef: oms } })).toMatchObject({ state: "broken", nodeId: "placement-step-5" });
    expect(await db().orderAlias.findUnique({ where: { ref: web } })).toMatchObject({ canonical: oms });
  });

  it("answers a partial success naming the records it refused, and keeps the rest", async () => {
    const order = `OT-${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify({
      resourceLogs: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "pos" } }] },
          scopeLogs: [
            {
              logRecords: [
                { timeUnixNano: String(BigInt(Date.now() - 60_000) * 1_000_000n), eventName: "order.created", attributes: [{ key: "order.id", value: { stringValue: order } }] },
                { timeUnixNano: String(BigInt(Date.now() - 60_000) * 1_000_000n), eventName: "order.created", attributes: [] },
              ],
            },
          ],
        },
        { resource: { attributes: [{ key: "service.name", value: { stringValue: "mainframe" } }] }, scopeLogs: [{ logRecords: [{ eventName: "x", attributes: [{ key: "order.id", value: { intValue: 7 } }] }] }] },
      ],
    });
    const response = await otlpLogs(new Request("http://handoff.test/v1/logs", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { partialSuccess: { rejectedLogRecords: number; errorMessage: string } };
    expect(answer.partialSuccess.rejectedLogRecords).toBe(2);
    expect(answer.partialSuccess.errorMessage).toMatch(/^record 2: order: order is required/);
    expect(await db().observation.count({ where: { orderRef: order } })).toBe(1);
  });

  it("refuses what is not OTLP: a wrong content type, a body that does not decode, a missing key", async () => {
    const post = (headers: Record<string, string>, body: BodyInit) => otlpLogs(new Request("http://handoff.test/v1/logs", { method: "POST", headers, body }));
    expect((await post({ authorization: `Bearer ${key}`, "content-type": "text/plain" }, "hello")).status).toBe(415);
    const garbage = await post({ authorization: `Bearer ${key}`, "content-type": "application/x-protobuf" }, Buffer.from([0xff, 0xff, 0xff, 0x0f]));
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get("content-type")).toBe("application/x-protobuf");
    const unsigned = await post({ "content-type": "application/json" }, "{}");
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ code: 16, message: expect.stringContaining("API key") });
    expect((await post({ authorization: `Bearer ${key}`, "content-type": "application/json", "content-encoding": "br" }, "{}")).status).toBe(400);
    // Shapes no SDK sends: each is read as far as it makes sense, never a crash.
    const records = (records: unknown) => JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "pos" } }] }, scopeLogs: [{ logRecords: records }] }] });
    for (const body of [
      '{"resourceLogs":"everything"}',
      '{"resourceLogs":[null,7,{"scopeLogs":{"logRecords":[]}}]}',
      records([null, "x", { attributes: "order.id" }]),
      records([{ timeUnixNano: "99999999999999999999", eventName: "order.created", attributes: [{ key: "order.id", value: { stringValue: "FAR" } }] }]),
      records([{ eventName: { a: 1 }, attributes: [{ key: "order.aliases", value: { arrayValue: { values: "x" } } }, { key: "order.id", value: null }] }]),
    ]) {
      const response = await post({ authorization: `Bearer ${key}`, "content-type": "application/json" }, body);
      expect(response.status, body).toBe(200);
    }
  });
});
