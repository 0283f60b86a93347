import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/orders/[number]/cascade/route";
import { createApiKey, revokeApiKey } from "@/lib/platform/auth/api-keys";
import { getDb } from "@/lib/platform/db/prisma";
import { drain, placedOrder, serveSystemsForThisFile } from "../support/bus-harness";

const db = () => getDb();
serveSystemsForThisFile();

/** The real route handler, called as Next calls it. */
async function getCascade(number: string, headers: Record<string, string> = {}) {
  const response = await GET(new Request(`http://handoff.test/api/v1/orders/${number}/cascade`, { headers }), { params: Promise.resolve({ number }) } as never);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/v1/orders/{number}/cascade", () => {
  it("answers with an API key only, and with what every system holds for the order", async () => {
    const { orderNumber } = await placedOrder(1);
    await drain();
    const { id, key } = await createApiKey(db(), "monitoring");

    expect((await getCascade(`H-${orderNumber}`)).status).toBe(401);
    expect((await getCascade(`H-${orderNumber}`, { authorization: "Bearer hk_not-a-real-key" })).status).toBe(401);
    const ok = await getCascade(`H-${orderNumber}`, { authorization: `Bearer ${key}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      orderNumber,
      failure: null,
      systems: { OMS: { status: "PLACED" }, STOREFRONT: { orderView: "placed" }, POS: { status: "new" }, WMS: { allocations: [{ status: "HELD" }] } },
    });
    expect((ok.body.steps as { chain: string; status: string }[]).filter((step) => step.chain === "PLACEMENT").map((step) => step.status)).toEqual(Array(5).fill("DELIVERED"));
    expect((await getCascade(String(orderNumber), { "x-api-key": key })).status).toBe(200);

    expect(await getCascade("H-999999999", { authorization: `Bearer ${key}` })).toMatchObject({ status: 404 });
    expect(await getCascade("not-a-number", { authorization: `Bearer ${key}` })).toMatchObject({ status: 400 });
    expect(await db().apiKey.findUniqueOrThrow({ where: { id } })).toMatchObject({ lastUsedAt: expect.any(Date) });

    await revokeApiKey(db(), id);
    expect((await getCascade(`H-${orderNumber}`, { authorization: `Bearer ${key}` })).status).toBe(401);
  });
});
