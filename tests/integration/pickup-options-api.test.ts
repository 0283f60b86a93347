import zipcodes from "zipcodes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/pickup-options/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";
import { storesNear } from "@/lib/oms/stores/stores-near";
import { createProduct, createStore } from "../support/factories";

const db = () => getDb();

// Stores of their own around a real ZIP code far from every other test's stores (Austin).
const ZIP = "59001";
const home = zipcodes.lookup(ZIP) as { latitude: number; longitude: number; city: string; state: string };

let key: string;
let channelKey: string;
const stores: Record<"near" | "middle" | "far" | "outside", { id: string; code: string }> = {} as never;
let earbuds: { sku: string; id: string };
let lamp: { sku: string; id: string };

async function storeAt(milesNorth: number, options: { curbsideEnabled?: boolean } = {}) {
  const store = await createStore(db(), options);
  return db().store.update({ where: { id: store.id }, data: { latitude: home.latitude + milesNorth / 69, longitude: home.longitude } });
}

const ask = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${key}` }) =>
  POST(new Request("http://localhost/api/v1/pickup-options", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));

beforeAll(async () => {
  key = (await createApiKey(db(), "Storefront platform")).key;
  channelKey = (await createApiKey(db(), "Marketplace", "MARKETPLACE")).key;
  stores.near = await storeAt(1);
  stores.middle = await storeAt(5, { curbsideEnabled: false });
  stores.far = await storeAt(12);
  stores.outside = await storeAt(40);
  earbuds = await createProduct(db(), stores.near.id, { onHand: 5 });
  lamp = await createProduct(db(), stores.near.id, { onHand: 5 });
  await db().storefrontAvailability.createMany({
    data: [
      { storeCode: stores.near.code, sku: earbuds.sku, available: 3 },
      { storeCode: stores.near.code, sku: lamp.sku, available: 0 },
      { storeCode: stores.middle.code, sku: earbuds.sku, available: 9 },
      { storeCode: stores.middle.code, sku: lamp.sku, available: 4 },
      { storeCode: stores.far.code, sku: earbuds.sku, available: 2 },
      { storeCode: stores.far.code, sku: lamp.sku, available: 1 },
      { storeCode: stores.outside.code, sku: earbuds.sku, available: 50 },
      { storeCode: stores.outside.code, sku: lamp.sku, available: 50 },
    ],
  });
});

describe("POST /api/v1/pickup-options", () => {
  it("answers the stores within the radius nearest first, with distance, coverage per line, ready-by and free pickup windows", async () => {
    const response = await ask({ origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 2 }, { sku: lamp.sku, quantity: 1 }], radiusMiles: 25 });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.origin).toMatchObject({ latitude: home.latitude, longitude: home.longitude, label: `${home.city}, ${home.state} ${ZIP}` });
    expect(answer.radiusMiles).toBe(25);
    expect(answer.stores.map((store: { storeCode: string }) => store.storeCode)).toEqual([stores.near.code, stores.middle.code, stores.far.code]);
    const [near, middle] = answer.stores;
    expect(near.distanceMiles).toBeCloseTo(1, 0);
    expect(near).toMatchObject({
      canFillAll: false,
      pickupMethods: ["IN_STORE", "CURBSIDE"],
      lines: [
        { sku: earbuds.sku, quantity: 2, available: 3, canFill: true },
        { sku: lamp.sku, quantity: 1, available: 0, canFill: false },
      ],
    });
    expect(middle).toMatchObject({ canFillAll: true, pickupMethods: ["IN_STORE"] });
    expect(new Date(near.readyBy).getTime()).toBeGreaterThan(Date.now());
    expect(near.pickupWindows).toHaveLength(3);
    for (const window of near.pickupWindows) {
      expect(new Date(window.endsAt).getTime()).toBeGreaterThan(new Date(near.readyBy).getTime());
      expect(window.remaining).toBeGreaterThan(0);
    }
  });

  it("leaves out stores without curbside when curbside is asked for, and stores beyond the radius", async () => {
    const answer = await (await ask({ origin: { latitude: home.latitude, longitude: home.longitude }, lines: [{ sku: earbuds.sku, quantity: 1 }], radiusMiles: 10, pickupMethod: "CURBSIDE" })).json();
    expect(answer.stores.map((store: { storeCode: string }) => store.storeCode)).toEqual([stores.near.code]);
    expect(answer.origin.label).toBeNull();
    expect(answer.pickupMethod).toBe("CURBSIDE");
  });

  it("skips a full pickup window", async () => {
    const first = (await (await ask({ origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 1 }], radiusMiles: 2 })).json()).stores[0].pickupWindows[0];
    await db().pickupSlot.create({ data: { storeId: stores.near.id, startsAt: new Date(first.startsAt), endsAt: new Date(first.endsAt), capacity: 1, booked: 1 } });
    const windows = (await (await ask({ origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 1 }], radiusMiles: 2 })).json()).stores[0].pickupWindows;
    expect(windows.map((window: { startsAt: string }) => window.startsAt)).not.toContain(first.startsAt);
    expect(windows).toHaveLength(3);
  });

  it("takes any live key, and refuses a request without one", async () => {
    const body = { origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 1 }] };
    expect((await ask(body, { authorization: `Bearer ${channelKey}` })).status).toBe(200);
    const refused = await ask(body, {});
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatch(/API key/);
  });

  it("refuses what it cannot answer with a 400 naming the field", async () => {
    const cases: [unknown, string, RegExp][] = [
      ["{not json", "(body)", /JSON/i],
      [{ lines: [{ sku: earbuds.sku, quantity: 1 }] }, "origin", /origin/],
      [{ origin: { latitude: 100, longitude: 0 }, lines: [{ sku: earbuds.sku, quantity: 1 }] }, "origin", /./],
      [{ origin: { postalCode: "ABCDE" }, lines: [{ sku: earbuds.sku, quantity: 1 }] }, "origin", /./],
      [{ origin: { postalCode: "00000" }, lines: [{ sku: earbuds.sku, quantity: 1 }] }, "origin.postalCode", /00000/],
      [{ origin: { postalCode: ZIP }, lines: [] }, "lines", /at least one/],
      [{ origin: { postalCode: ZIP }, lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] }, "lines.0.sku", /NO-SUCH-SKU/],
      [{ origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 0 }] }, "lines.0.quantity", /./],
      [{ origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 1 }], radiusMiles: 5000 }, "radiusMiles", /100/],
      [{ origin: { postalCode: ZIP }, lines: [{ sku: earbuds.sku, quantity: 1 }], pickupMethod: "DRONE" }, "pickupMethod", /IN_STORE or CURBSIDE/],
    ];
    for (const [body, path, message] of cases) {
      const response = await ask(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { fields, error } = await response.json();
      expect(error).toEqual(expect.any(String));
      if (path !== "(body)") expect(fields.find((field: { path: string }) => field.path.startsWith(path))?.message, JSON.stringify(body)).toMatch(message);
    }
  });
});

describe("the store search", () => {
  it("reads only the stores inside the search's bounding box, by the location index", async () => {
    const found = await storesNear(db(), home, 25);
    expect(found.map(({ store }) => store.code)).toEqual([stores.near.code, stores.middle.code, stores.far.code]);
    // The plan a search uses: the index, not a scan of every store (enforced so the planner must use it if it can).
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const plan = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT * FROM "Store" WHERE "latitude" BETWEEN ${home.latitude - 0.4} AND ${home.latitude + 0.4} AND "longitude" BETWEEN ${home.longitude - 0.5} AND ${home.longitude + 0.5}`,
      );
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Store_latitude_longitude_idx/);
    });
  });
});
