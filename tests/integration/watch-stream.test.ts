import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as observationsRoute } from "@/app/api/v1/observations/route";
import { rejudgeDueWatchedOrders } from "@/lib/monitor/observations/judge-watched-orders";
import { canonicalOf } from "@/lib/monitor/observations/order-aliases";
import { replaceVocabulary } from "@/lib/monitor/observations/replace-vocabulary";
import { SEED_VOCABULARY } from "@/lib/monitor/observations/seed-vocabulary";
import { watchedOrderView } from "@/lib/monitor/observations/watched-order-view";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { disconnectDb, getDb } from "@/lib/platform/db/prisma";
import { scratchDatabase } from "../support/scratch-database";

// The whole of watch mode at once, as a retailer's shipper feeds it: every seed node, healthy,
// in-flight and late orders, their lines shuffled, some sent twice, each system's clock off.
// The vocabulary is one per install, so this file has a database of its own.
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let key = "";

beforeAll(async () => {
  database = await scratchDatabase("handoff_watch_stream");
  process.env.DATABASE_URL = database.url;
  key = (await createApiKey(getDb(), "shipper")).key;
});

afterAll(async () => {
  await disconnectDb();
  await database.drop();
});

type System = "pos" | "oms" | "wms" | "storefront" | "notification";
/** A line in Handoff's terms: who logged which event, whether as its sender, and when (seconds after the chain's start). */
type Step = { system: System; event: string; sent?: boolean; at: number };
type Expected = { state: "healthy" | "in_flight" | "broken"; node?: string; late?: string[]; stuckAfter?: string };
type Scenario = { name: string; startedSecondsAgo: number; steps: Step[]; expected: Expected };

// Each system's clock, off by up to 90 s (the tolerated skew is 120 s).
const CLOCK_OFF_SECONDS: Record<System, number> = { pos: 45, oms: -30, wms: 90, storefront: -60, notification: 20 };

const placement = (at: number): Step[] => (["oms", "wms", "pos", "storefront", "notification"] as const).map((system, i) => ({ system, event: "order.created", at: at + i }));
const ready = (at: number): Step[] => [
  { system: "pos", event: "order.ready", at },
  { system: "pos", event: "order.ready", sent: true, at },
  ...(["oms", "storefront", "notification", "wms"] as const).map((system, i) => ({ system, event: "order.ready", at: at + i + 1 })),
];
const pickup = (at: number): Step[] => [
  { system: "pos", event: "pickup.completed", at },
  { system: "pos", event: "pickup.completed", sent: true, at },
  { system: "oms", event: "pickup.completed", at: at + 1 },
  { system: "oms", event: "order.picked_up", at: at + 1 },
  { system: "wms", event: "order.picked_up", at: at + 2 },
  { system: "storefront", event: "order.picked_up", at: at + 2 },
  { system: "notification", event: "order.picked_up", at: at + 3 },
  { system: "wms", event: "inventory.consumed", sent: true, at: at + 4 },
  { system: "storefront", event: "inventory.consumed", at: at + 5 },
];
const cancellation = (at: number, by: "oms" | "pos"): Step[] => [
  ...(by === "pos" ? [{ system: "pos" as const, event: "order.canceled", at }, { system: "pos" as const, event: "order.canceled", sent: true, at }] : []),
  { system: "oms", event: "order.canceled", at: at + 1 },
  { system: "wms", event: "order.canceled", at: at + 2 },
  { system: "storefront", event: "order.canceled", at: at + 2 },
  { system: "notification", event: "order.canceled", at: at + 3 },
  { system: "wms", event: "inventory.released", sent: true, at: at + 4 },
  { system: "storefront", event: "inventory.released", at: at + 5 },
];

const without = (steps: Step[], ...gone: string[]) => steps.filter((step) => !gone.includes(`${step.system}${step.sent ? ">" : ":"}${step.event}`));
const pickedUp = (...gone: string[]) => without([...placement(0), ...ready(1800), ...pickup(3600)], ...gone);
const canceled = (by: "oms" | "pos", ...gone: string[]) => without([...placement(0), ...cancellation(1800, by)], ...gone);
const AFTER_PICKUP = ["oms:order.picked_up", "wms:order.picked_up", "storefront:order.picked_up", "notification:order.picked_up", "wms>inventory.consumed", "storefront:inventory.consumed"];
const AFTER_CANCEL = ["oms:order.canceled", "wms:order.canceled", "storefront:order.canceled", "notification:order.canceled", "wms>inventory.released", "storefront:inventory.released"];

/** Three orders broken at each of the nine seed nodes (and the OMS → WMS release), healthy, in-flight and late ones. */
function scenarios(): Scenario[] {
  const hourAgo = 3600 + 3600;
  const broken: [string, Step[]][] = [
    ["pickup-1", pickedUp("pos>pickup.completed", "oms:pickup.completed", ...AFTER_PICKUP)],
    ["pickup-2", pickedUp("oms:pickup.completed", ...AFTER_PICKUP)],
    ["pickup-3", pickedUp("wms:order.picked_up", "wms>inventory.consumed", "storefront:inventory.consumed")],
    ["pickup-4", pickedUp("storefront:order.picked_up")],
    ["pickup-5", pickedUp("notification:order.picked_up")],
    ["pickup-6", pickedUp("storefront:inventory.consumed")],
    ["cancellation-1", canceled("oms", "storefront:order.canceled")],
    ["cancellation-2", canceled("oms", "storefront:inventory.released")],
    ["cancellation-3", canceled("pos", ...AFTER_CANCEL)],
    ["cancellation-4", canceled("oms", "wms:order.canceled", "wms>inventory.released", "storefront:inventory.released")],
  ];
  const list: Scenario[] = [];
  for (const [node, steps] of broken) for (let i = 0; i < 3; i++) list.push({ name: `${node}-${i}`, startedSecondsAgo: hourAgo, steps, expected: { state: "broken", node } });
  for (let i = 0; i < 5; i++) list.push({ name: `healthy-pickup-${i}`, startedSecondsAgo: hourAgo, steps: pickedUp(), expected: { state: "healthy" } });
  for (let i = 0; i < 3; i++) list.push({ name: `healthy-cancel-${i}`, startedSecondsAgo: hourAgo, steps: canceled("pos"), expected: { state: "healthy" } });
  // Picked up 20 seconds ago: the WMS's and the storefront's lines have not come yet.
  const inFlight = pickedUp("wms:order.picked_up", "wms>inventory.consumed", "storefront:order.picked_up", "storefront:inventory.consumed");
  for (let i = 0; i < 6; i++) list.push({ name: `in-flight-${i}`, startedSecondsAgo: 3600 + 20, steps: inFlight, expected: { state: "in_flight", stuckAfter: "pickup-3" } });
  // The pickup confirmation went out 15 minutes after the pickup (its deadline is 5 minutes).
  const late = [...pickedUp("notification:order.picked_up"), { system: "notification" as const, event: "order.picked_up", at: 3600 + 900 }];
  for (let i = 0; i < 4; i++) list.push({ name: `late-${i}`, startedSecondsAgo: hourAgo, steps: late, expected: { state: "healthy", late: ["P5"] } });
  return list;
}

type Line = Record<string, unknown>;

/** Handoff's own words, one id per order. */
function inHandoffWords(order: string, step: Step, at: string): Line {
  return { system: step.system, event: step.event, ...(step.sent ? { direction: "sent" } : {}), order, at };
}

// Seed 000 and 001's words, as the preset reads them; what the write-ups give no word for stays in Handoff's.
const SEED_WORDS: Record<string, { event: string; status?: string }> = {
  "pos pickup.completed": { event: "pickup-complete" },
  "oms pickup.completed": { event: "pickup-confirmation" },
  "oms order.picked_up": { event: "order-fulfilled" },
  "wms order.picked_up": { event: "fulfillment-complete" },
  "storefront order.created": { event: "order-status-update", status: "confirmed" },
  "storefront order.ready": { event: "order-status-update", status: "ready_for_pickup" },
  "storefront order.picked_up": { event: "order-status-update", status: "picked_up" },
  "storefront order.canceled": { event: "order-status-update", status: "canceled" },
  "notification order.picked_up": { event: "pickup-confirmation" },
  "wms inventory.consumed": { event: "inventory-delta" },
  "storefront inventory.consumed": { event: "inventory-delta" },
  "wms inventory.released": { event: "inventory-delta" },
  "storefront inventory.released": { event: "availability-update" },
  "pos order.canceled": { event: "cancellation" },
  "oms order.canceled": { event: "cancellation" },
  "wms order.canceled": { event: "allocation-release" },
  "notification order.canceled": { event: "cancellation-notice" },
};

/** The write-ups' words, and each system's own id: the storefront knows the order as #W…, the rest as SO-…; the OMS links them. */
function inSeedWords(order: string, step: Step, at: string): Line {
  const word = SEED_WORDS[`${step.system} ${step.event}`] ?? { event: step.event };
  const line: Line = { system: step.system, event: word.event, ...(word.status ? { status: word.status } : {}), ...(step.sent ? { direction: "sent" } : {}), at };
  if (step.system === "storefront") return { ...line, order: `#W${order}` };
  return { ...line, order: `SO-${order}`, ...(step.system === "oms" && step.event === "order.created" ? { aliases: [`#W${order}`] } : {}) };
}

/** A deterministic shuffle, so a failure can be run again as it was. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function ship(lines: Line[]) {
  const response = await observationsRoute(new Request("http://handoff.test/api/v1/observations", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: lines.map((line) => JSON.stringify(line)).join("\n") }));
  const body = (await response.json()) as { accepted: number; rejected: unknown[] };
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.rejected).toEqual([]);
}

/** Every scenario's lines, each system's clock off, shuffled, one in five sent twice, posted in batches of 37. */
async function streamAll(run: string, speak: (order: string, step: Step, at: string) => Line, lookupId: (order: string) => string) {
  const now = Date.now();
  const list = scenarios();
  const lines = list.flatMap((scenario) =>
    scenario.steps.map((step) => speak(`${run}-${scenario.name}`, step, new Date(now - scenario.startedSecondsAgo * 1000 + (step.at + CLOCK_OFF_SECONDS[step.system]) * 1000).toISOString())),
  );
  const stream = shuffled([...lines, ...lines.filter((_, i) => i % 5 === 0)], run.length * 7919);
  for (let i = 0; i < stream.length; i += 37) await ship(stream.slice(i, i + 37));
  return { list, now, id: (scenario: Scenario) => lookupId(`${run}-${scenario.name}`) };
}

async function verdictOf(id: string, at?: Date) {
  const view = await watchedOrderView(getDb(), id, at);
  expect(view, id).not.toBeNull();
  return { state: view!.state, node: view!.node?.id, late: view!.late.map((step) => step.step) };
}

async function expectAllJudgedRight(run: Awaited<ReturnType<typeof streamAll>>) {
  const outcomes = await Promise.all(run.list.map(async (scenario) => [scenario.name, await verdictOf(run.id(scenario))] as const));
  for (const [name, outcome] of outcomes) {
    const { expected } = run.list.find((scenario) => scenario.name === name)!;
    expect({ name, ...outcome }).toEqual({ name, state: expected.state, node: expected.node, late: expected.late ?? [] });
  }
  // The worker, once the in-flight orders' deadlines pass with no new line: stuck at node 3, and only they change.
  const later = new Date(run.now + 10 * 60_000);
  await rejudgeDueWatchedOrders(getDb(), later);
  for (const scenario of run.list.filter((candidate) => candidate.expected.stuckAfter)) {
    const order = (await canonicalOf(getDb(), [run.id(scenario)])).get(run.id(scenario))!;
    expect(await getDb().watchedOrder.findUnique({ where: { orderRef: order } })).toMatchObject({
      state: "broken",
      nodeId: scenario.expected.stuckAfter,
    });
  }
  const states = await getDb().watchedOrder.groupBy({ by: ["state"], _count: { _all: true } });
  expect(states.find((row) => row.state === "in_flight")).toBeUndefined();
}

describe("a shipper's stream: shuffled, duplicated, clocks off", () => {
  it("in Handoff's words: every seed node named right, no healthy or in-flight order flagged, in-flight ones stuck once due, late steps late", async () => {
    await expectAllJudgedRight(await streamAll("H", inHandoffWords, (order) => order));
  });

  it("in the write-ups' words under each system's own id: the same verdicts", async () => {
    await getDb().watchedOrder.deleteMany({});
    await replaceVocabulary(getDb(), SEED_VOCABULARY);
    // Asked by the storefront's id, each order answers with the verdict its whole chain earns.
    await expectAllJudgedRight(await streamAll("S", inSeedWords, (order) => `#W${order}`));
  });
});
