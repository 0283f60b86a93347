import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/orders/route";
import { GET as intakeStatus } from "@/app/api/v1/orders/intake/[id]/route";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";
import { dispatchBatch } from "@/lib/bus/dispatcher";
import { drainIntakeQueue } from "@/lib/oms/intake/intake-queue";
import { serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

async function post(key: string, body: unknown) {
  const response = await POST(new Request("http://handoff.test/api/v1/orders", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify(body) }));
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { status?: string; intakeId?: string; orderNumber?: number } };
}

const marketplaceOrder = (id: string, storeCode: string, sku: string) => ({
  marketplace_order_id: id,
  buyer: { name: "Burst Buyer", email: "burst@example.com", phone: "5125550123" },
  fulfillment: { type: "store_pickup", store_id: storeCode },
  order_items: [{ seller_sku: sku, quantity_ordered: 1 }],
  payment: { transaction_id: `txn-${id}` },
});

/** Runs the tasks with at most `width` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

describe("intake under a burst", () => {
  it("queues what is above the rate and places all 2,000 orders once each, resends included", { timeout: 300_000 }, async () => {
    process.env.HANDOFF_INTAKE_RATE_PER_SECOND = "25";
    process.env.HANDOFF_INTAKE_QUEUE_LIMIT = "100000";
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 5_000 });
    const { key } = await createApiKey(db(), "Burst marketplace", "MARKETPLACE");
    // The burst is about intake: its 8,000 deliveries are dropped at the boundary (one UPDATE
    // each, no HTTP) so they do not crowd other test files' bus.
    const rules = await Promise.all(
      (["WMS", "POS", "STOREFRONT", "NOTIFICATION"] as const).map((target) => db().faultRule.create({ data: { source: "OMS", target, kind: "DROP", storeCode: store.code } })),
    );
    const ids = Array.from({ length: 2_000 }, () => `BURST-${randomUUID()}`);
    // Every tenth order is sent twice, as a channel retrying a slow answer would.
    const sends = [...ids, ...ids.filter((_, index) => index % 10 === 0)];
    const responses = await pool(sends.map((id) => () => post(key, marketplaceOrder(id, store.code, product.sku))), 64);
    const statuses = new Map<number, number>();
    for (const { status } of responses) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const refused = responses.filter((response) => ![200, 201, 202].includes(response.status));
    expect(refused.slice(0, 3)).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([201, 202]));
    expect({ statuses: [...statuses], sample: responses.find((response) => ![200, 201, 202].includes(response.status)) }).toEqual({ statuses: expect.any(Array), sample: undefined });

    // A queued order's status says so until the intake worker places it.
    const queued = responses.find((response) => response.status === 202)!;
    const statusOf = async (intakeId: string) =>
      (await intakeStatus(new Request(`http://handoff.test/api/v1/orders/intake/${intakeId}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id: intakeId }) } as never)).json();
    expect(await statusOf(queued.body.intakeId!)).toMatchObject({ status: "queued" });

    while ((await drainIntakeQueue(db(), 100)) > 0);
    const intake = await db().intakeOrder.findMany({ where: { channel: "MARKETPLACE", channelOrderId: { in: ids } }, select: { status: true, orderId: true } });
    expect(intake).toHaveLength(2_000);
    expect(intake.filter((row) => row.status === "ACCEPTED")).toHaveLength(2_000);
    const orders = await db().order.findMany({ where: { channel: "MARKETPLACE", channelOrderId: { in: ids } }, select: { id: true, channelOrderId: true } });
    expect(orders).toHaveLength(2_000);
    expect(new Set(orders.map((order) => order.channelOrderId)).size).toBe(2_000);
    expect(new Set(intake.map((row) => row.orderId))).toEqual(new Set(orders.map((order) => order.id)));
    expect((await db().inventoryLevel.findFirstOrThrow({ where: { storeId: store.id } })).allocated).toBe(2_000);
    expect(await statusOf(queued.body.intakeId!)).toMatchObject({ status: "accepted", storeCode: store.code, orderNumber: expect.any(Number) });

    const orderIds = orders.map((order) => order.id);
    while ((await db().delivery.count({ where: { orderId: { in: orderIds }, status: "PENDING" } })) > 0) await dispatchBatch(db(), 64);
    await db().faultRule.deleteMany({ where: { id: { in: rules.map((rule) => rule.id) } } });
  });

  it("answers 429 with Retry-After only once the channel's queue is full, and keeps nothing of the refused order", async () => {
    process.env.HANDOFF_INTAKE_RATE_PER_SECOND = "1";
    process.env.HANDOFF_INTAKE_QUEUE_LIMIT = "3";
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const { key } = await createApiKey(db(), "Tiny platform", "STOREFRONT_PLATFORM");
    const order = (id: number) => ({
      id,
      customer: { first_name: "Ana", email: "ana@example.com", phone: "5125550199" },
      line_items: [{ sku: product.sku, quantity: 1 }],
      pickup: { location_id: store.code },
      transactions: [{ kind: "authorization", status: "success", authorization: `ch_${id}` }],
    });
    const base = Math.floor(Math.random() * 1e9) * 10;
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await post(key, order(base + i)));
    expect(results.map((result) => result.status)).toEqual([201, 202, 202, 202, 429]);
    expect(results[4]!.retryAfter).toBe("3");
    expect(await db().intakeOrder.findUnique({ where: { channel_channelOrderId: { channel: "STOREFRONT_PLATFORM", channelOrderId: String(base + 4) } } })).toBeNull();
    while ((await drainIntakeQueue(db(), 10)) > 0);
    expect(await db().order.count({ where: { storeId: store.id } })).toBe(4);
  });
});
