import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { signedHeaders } from "@/lib/bus/signing";
import { disconnectDb, getDb } from "@/lib/platform/db/prisma";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { rotateStockFeedSecret } from "@/lib/oms/stock-feed/stock-feed-secret";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { signedInAs } from "../support/staff-session";
import { HOSTILE_BODIES, HOSTILE_STRINGS } from "./hostile-values";
import { usePrivateDatabase, watchWrites } from "./private-database";

// Auth.js reads the session from the request's cookie; a direct call has none, so the session is the one thing given.
const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({ auth: async () => session.current }));

// Every route handler, fed the corpus: each answer must be a 4xx that says what is wrong,
// and no table may change beyond the bookkeeping a route is allowed (named below).

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Credentials = "none" | "api key" | "channel key" | { signedAs: SystemName } | "store secret" | "admin session";
type RouteFuzz = {
  methods: ("GET" | "POST" | "PUT")[];
  /** The params a well-formed call would have; each is replaced by every hostile string in turn. */
  params?: Record<string, string>;
  credentials: Credentials;
  /** Takes no input at all: only hostile query strings and headers are tried, and it may answer 200. */
  noInput?: boolean;
  /** Its GET takes no input (its other method does), so a GET may answer 200. */
  getTakesNoInput?: boolean;
  /** Headers every call carries (a content type the route insists on), so hostile bodies reach its decoder. */
  headers?: Record<string, string>;
  /** A body with nothing usable in it is a success that keeps nothing (OTLP's empty request): 200 is fine, a write or a 5xx is not. */
  emptyIsSuccess?: boolean;
  /** Tables the route may touch while refusing (bookkeeping, said why). */
  mayWrite?: string[];
  /** Bodies that get past the envelope to the route's own rules, each still wrong. */
  deeperBodies?: () => Record<string, string>;
};

const ROUTES: Record<string, RouteFuzz> = {
  "app/(shop)/orders/[token]/calendar/route.ts": { methods: ["GET"], params: { token: "a".repeat(32) }, credentials: "none" },
  "app/(shop)/orders/[token]/status/route.ts": { methods: ["GET"], params: { token: "a".repeat(32) }, credentials: "none" },
  // The staff's polled reads: without a session every one is refused.
  // Staff's polled reads, signed in as an admin (and refused without the session). A session's last use is recorded.
  "app/(ops)/ops/reconciliation/report/route.ts": { methods: ["GET"], credentials: "admin session", noInput: true, mayWrite: ["StaffSession"] },
  "app/(store)/store/orders/[number]/task/route.ts": { methods: ["GET"], params: { number: "999999" }, credentials: "admin session", mayWrite: ["StaffSession"] },
  "app/(store)/store/queue/[storeCode]/route.ts": { methods: ["GET"], params: { storeCode: "NOSTORE" }, credentials: "admin session", mayWrite: ["StaffSession"] },
  "app/api/health/route.ts": { methods: ["GET"], credentials: "none", noInput: true },
  "app/api/metrics/route.ts": { methods: ["GET"], credentials: "none", noInput: true },
  // A refused event from another system is kept, with the chain step it should have fulfilled marked.
  "app/api/v1/events/[system]/route.ts": {
    methods: ["POST"],
    params: { system: "pos" },
    credentials: { signedAs: "POS" },
    mayWrite: ["InboundRejection", "ChainStep"],
    deeperBodies: () => {
      const event = (type: string, data: unknown, orderNumber: unknown = order.number) => JSON.stringify({ type, orderNumber, occurredAt: new Date().toISOString(), data });
      return {
        "an order number past integer": event("order.ready", {}, 3_000_000_000),
        "a short of three billion units": event("order.lines_shorted", { lines: [{ sku: order.sku, quantity: 3_000_000_000, reason: "Not found" }] }),
        "a short line that is not an object": event("order.lines_shorted", { lines: ["x"] }),
        "an unknown event": event("constructor", {}),
        "a pickup before it is ready": event("pickup.completed", { associate: "Fuzz" }),
        "a cancel reason of 10 KB": event("order.canceled", { reason: "r".repeat(10_000) }),
      };
    },
  },
  "app/api/v1/observations/latency/route.ts": { methods: ["GET"], credentials: "api key", noInput: true, mayWrite: ["ApiKey"] },
  "app/api/v1/observations/orders/[order]/route.ts": { methods: ["GET"], params: { order: "NO-SUCH-ORDER" }, credentials: "api key", mayWrite: ["ApiKey"] },
  "app/api/v1/observations/vocabulary/route.ts": {
    methods: ["GET", "PUT"],
    credentials: "api key",
    getTakesNoInput: true,
    mayWrite: ["ApiKey"],
    deeperBodies: () => ({
      "an unknown Handoff event": JSON.stringify({ mappings: [{ system: "pos", event: "pickup-complete", means: ["order.teleported"] }] }),
      "an unknown system": JSON.stringify({ mappings: [{ system: "erp", event: "x", means: ["order.created"] }] }),
      "the same word twice": JSON.stringify({ mappings: [{ system: "pos", event: "x", means: ["order.created"] }, { system: "pos", event: "x", means: ["order.ready"] }] }),
      "means that is not a list": JSON.stringify({ mappings: [{ system: "pos", event: "x", means: "order.created" }] }),
    }),
  },
  "app/api/v1/observations/route.ts": { methods: ["POST"], credentials: "api key", mayWrite: ["ApiKey"] },
  "app/api/v1/orders/[number]/cascade/route.ts": { methods: ["GET"], params: { number: "999999" }, credentials: "api key", mayWrite: ["ApiKey"] },
  "app/api/v1/orders/intake/[id]/route.ts": { methods: ["GET"], params: { id: randomUUID() }, credentials: "channel key", mayWrite: ["ApiKey"] },
  "app/api/v1/orders/route.ts": { methods: ["POST"], credentials: "channel key", mayWrite: ["ApiKey"] },
  "app/api/v1/pickup-options/route.ts": {
    methods: ["POST"],
    credentials: "api key",
    mayWrite: ["ApiKey"],
    deeperBodies: () => ({
      "an unknown SKU": JSON.stringify({ origin: { postalCode: "78701" }, lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] }),
      "an unknown ZIP code": JSON.stringify({ origin: { postalCode: "00000" }, lines: [{ sku: order.sku, quantity: 1 }] }),
      "a radius of a million miles": JSON.stringify({ origin: { latitude: 30.27, longitude: -97.74 }, lines: [{ sku: order.sku, quantity: 1 }], radiusMiles: 1_000_000 }),
      "both kinds of origin": JSON.stringify({ origin: { postalCode: "78701", latitude: 30.27, longitude: -97.74 }, lines: [{ sku: order.sku, quantity: 1 }] }),
      "a quantity past integer": JSON.stringify({ origin: { postalCode: "78701" }, lines: [{ sku: order.sku, quantity: 3_000_000_000 }] }),
    }),
  },
  // OTLP, sent as JSON so every hostile body reaches the decoder. A body that decodes to no records is a success with nothing kept.
  "app/v1/logs/route.ts": { methods: ["POST"], credentials: "api key", mayWrite: ["ApiKey"], headers: { "content-type": "application/json" }, emptyIsSuccess: true },
  "app/api/v1/stock/route.ts": { methods: ["POST"], credentials: "store secret" },
  "app/api/v1/systems/[system]/events/route.ts": {
    methods: ["POST"],
    params: { system: "wms" },
    credentials: { signedAs: "WMS" },
    deeperBodies: () => {
      const envelope = (type: string, data: unknown, orderNumber: unknown = order.number) =>
        JSON.stringify({ id: randomUUID(), type, source: "OMS", position: "1", orderId: order.id, orderNumber, occurredAt: new Date().toISOString(), data });
      return {
        "an order number past integer": envelope("order.created", { orderNumber: 3_000_000_000, storeCode }, 3_000_000_000),
        "a short of three billion units": envelope("order.lines_shorted", { orderNumber: order.number, storeCode, lines: [{ sku: order.sku, quantity: 3_000_000_000 }] }),
        "an event the WMS does not take": envelope("__proto__", { orderNumber: order.number, storeCode }),
        "data that is an array": envelope("order.created", []),
      };
    },
  },
};
// Auth.js's own endpoints are fuzzed over HTTP (tests/e2e/hostile-input.spec.ts): they answer with redirects, not JSON.
const FUZZED_OVER_HTTP = ["app/api/auth/[...nextauth]/route.ts"];

function routeFiles(): string[] {
  return readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .map((file) => path.posix.join("app", file.split(path.sep).join("/")))
    .sort();
}

let db: { url: string; drop: () => Promise<void> };
let writes: Awaited<ReturnType<typeof watchWrites>>;
let apiKey = "";
let adminSession: Awaited<ReturnType<typeof signedInAs>> | null = null;
let channelKey = "";
let storeCode = "";
let storeSecret = "";
let order = { id: "", number: 0, sku: "" };

beforeAll(async () => {
  db = await usePrivateDatabase();
  await ensureSystemEndpoints(getDb());
  apiKey = (await createApiKey(getDb(), "fuzz")).key;
  channelKey = (await createApiKey(getDb(), "fuzz channel", "MARKETPLACE")).key;
  const store = await createStore(getDb());
  storeCode = store.code;
  storeSecret = (await rotateStockFeedSecret(getDb(), storeCode))!.secret;
  const product = await createProduct(getDb(), store.id, { onHand: 10 });
  const slot = await firstSlot(getDb(), store.id, new Date());
  const placed = await placeOrder(getDb(), orderInput({ storeId: store.id, lines: [{ productId: product.id, quantity: 1 }], slotStartsAt: slot.startsAt }));
  order = { id: placed.orderId, number: placed.number, sku: product.sku };
  const admin = await getDb().user.create({ data: { email: "fuzz-routes-admin@handoff.test", name: "Fuzz Admin", passwordHash: "unused", role: "ADMIN" } });
  adminSession = await signedInAs(admin.id);
  writes = await watchWrites(db.url);
});

afterAll(async () => {
  await writes?.close();
  await disconnectDb();
  await db?.drop();
});

async function secretOf(system: SystemName) {
  return (await getDb().systemEndpoint.findUniqueOrThrow({ where: { system } })).signingSecret;
}

/** The headers a caller holding the route's credential would send with this body. */
async function credentialHeaders(credentials: Credentials, body: string): Promise<Record<string, string>> {
  if (credentials === "none" || credentials === "admin session") return {};
  if (credentials === "api key") return { authorization: `Bearer ${apiKey}` };
  if (credentials === "channel key") return { authorization: `Bearer ${channelKey}` };
  if (credentials === "store secret") return signedHeaders(storeSecret, randomUUID(), body);
  return signedHeaders(await secretOf(credentials.signedAs), randomUUID(), body);
}

/** For the stock feed: the same hostile body, but naming the real store, so it gets past the store lookup. */
function namingStore(body: string): string {
  return body.startsWith("{") && body.length > 2 ? `{"storeCode":${JSON.stringify(storeCode)},${body.slice(1)}` : body;
}

/** A URL can only carry UTF-8: half a surrogate pair goes as the broken escape a client would send. */
const encode = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd")).replace(/%EF%BF%BD/g, "%ED%A0%80");

const hasBody = (method: string) => method === "POST" || method === "PUT";

type Call = { label: string; method: string; url: string; params: Record<string, string>; headers: Record<string, string>; body?: string; signedIn?: boolean };

async function callsFor(file: string, route: RouteFuzz): Promise<Call[]> {
  const calls: Call[] = [];
  const template = "/" + file.replace(/^app\//, "").replace(/\/route\.tsx?$/, "").replace(/\([^)]+\)\//g, "");
  const urlOf = (params: Record<string, string>, query = "") =>
    "http://handoff.test" + template.replace(/\[([^\]]+)\]/g, (_, name: string) => encode(params[name] ?? "")) + query;
  const params = route.params ?? {};
  for (const method of route.methods) {
    for (const [name, value] of Object.entries(HOSTILE_STRINGS)) {
      calls.push({ label: `query ${name}`, method, url: urlOf(params, `?q=${encode(value)}&period=${encode(value)}`), params, headers: await credentialHeaders(route.credentials, "") });
      for (const param of Object.keys(params)) {
        calls.push({ label: `param ${param} = ${name}`, method, url: urlOf({ ...params, [param]: value }), params: { ...params, [param]: value }, headers: await credentialHeaders(route.credentials, "{}"), body: hasBody(method) ? "{}" : undefined });
      }
    }
    if (route.noInput) continue;
    // Credentials that do not hold, then hostile headers around good ones.
    calls.push({ label: "no credentials", method, url: urlOf(params), params, headers: {}, body: hasBody(method) ? "{}" : undefined });
    calls.push({ label: "wrong bearer", method, url: urlOf(params), params, headers: { authorization: "Bearer hk_not_a_key" }, body: hasBody(method) ? "{}" : undefined });
    if (typeof route.credentials === "object" || route.credentials === "store secret") {
      const body = route.credentials === "store secret" ? namingStore("{}") : "{}";
      const good = await credentialHeaders(route.credentials, body);
      calls.push({ label: "6 KB webhook-id", method, url: urlOf(params), params, headers: { ...good, "webhook-id": "w".repeat(6_000) }, body });
      calls.push({ label: "junk timestamp", method, url: urlOf(params), params, headers: { ...good, "webhook-timestamp": "soon" }, body });
      calls.push({ label: "junk signature", method, url: urlOf(params), params, headers: { ...good, "webhook-signature": "v1,AAAA v2,x" }, body });
    }
    if (!hasBody(method)) continue;
    // Larger than any route takes: refused while reading, whatever the credentials.
    const huge = "x".repeat(21 * 1024 * 1024);
    calls.push({ label: "21 MB body", method, url: urlOf(params), params, headers: await credentialHeaders(route.credentials, huge), body: huge });
    for (const [name, raw] of Object.entries(HOSTILE_BODIES)) {
      const body = route.credentials === "store secret" ? namingStore(raw) : raw;
      calls.push({ label: `body ${name}, unsigned`, method, url: urlOf(params), params, headers: {}, body });
      calls.push({ label: `body ${name}`, method, url: urlOf(params), params, headers: await credentialHeaders(route.credentials, body), body });
    }
    for (const [name, body] of Object.entries(route.deeperBodies?.() ?? {})) {
      calls.push({ label: `body with ${name}`, method, url: urlOf(params), params, headers: await credentialHeaders(route.credentials, body), body });
    }
  }
  // A staff route's calls carry the admin's session, but for the ones that test a missing credential.
  if (route.credentials === "admin session") for (const call of calls) call.signedIn = call.label !== "no credentials" && call.label !== "wrong bearer";
  if (route.credentials === "admin session" && route.noInput) calls.push({ label: "no session", method: "GET", url: urlOf(params), params, headers: {}, signedIn: false });
  return calls;
}

async function send(handler: Handler, call: Call, extra: Record<string, string> = {}): Promise<Response> {
  session.current = call.signedIn ? adminSession : null;
  const request = new Request(call.url, { method: call.method, headers: { ...extra, ...call.headers }, body: call.body });
  return handler(request, { params: Promise.resolve(call.params) });
}

/** What a refusal must be: a 4xx whose body says what is wrong. */
async function refusalProblem(response: Response): Promise<string | null> {
  if (response.status < 400 || response.status >= 500) return `answered ${response.status}`;
  const text = await response.text();
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    // Our routes say it in `error`; OTLP's writes a google.rpc.Status, which says it in `message`.
    const said = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = said.error ?? said.message;
    return typeof error === "string" && error.length > 0 ? null : `answered ${response.status} with no error message: ${text.slice(0, 200)}`;
  }
  return text.trim() ? null : `answered ${response.status} with an empty body`;
}

describe("route handlers, fed hostile input", () => {
  it("notice a write (the check below would otherwise pass for nothing)", async () => {
    await writes.since();
    await createApiKey(getDb(), "probe");
    expect(await writes.since()).toEqual(["ApiKey"]);
  });

  it("are all known to this suite (a new route must say how it is fuzzed)", () => {
    expect(routeFiles()).toEqual([...Object.keys(ROUTES), ...FUZZED_OVER_HTTP].sort());
  });

  for (const [file, route] of Object.entries(ROUTES)) {
    it(`${file} refuses every hostile input with a 4xx and a message, and writes nothing`, async () => {
      const handlers = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, Handler>;
      const failures: string[] = [];
      await writes.since();
      for (const call of await callsFor(file, route)) {
        const handler = handlers[call.method]!;
        let problem: string | null;
        try {
          const response = await send(handler, call, route.headers);
          const mayAnswer = route.noInput || (route.emptyIsSuccess && call.label !== "no credentials" && call.label !== "wrong bearer") || (route.getTakesNoInput && call.method === "GET" && call.label !== "no credentials" && call.label !== "wrong bearer");
          problem = mayAnswer ? (response.status >= 500 ? `answered ${response.status}` : null) : await refusalProblem(response);
        } catch (error) {
          problem = `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`;
        }
        const written = (await writes.since()).filter((table) => !route.mayWrite?.includes(table));
        if (written.length) problem = `${problem ?? "refused"}, but wrote to ${written.join(", ")}`;
        if (problem) failures.push(`${call.method} ${call.label}: ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
