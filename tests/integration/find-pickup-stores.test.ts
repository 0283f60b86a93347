import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { findPickupStores } from "@/lib/oms/stores/find-pickup-stores";
import { createProduct, createStore } from "../support/factories";

const db = () => getDb();

describe("the store picker", () => {
  it("shows what the storefront's availability cache says, nearest store first", async () => {
    const near = await createStore(db());
    const far = await db().store.update({ where: { id: (await createStore(db())).id }, data: { latitude: 30.6, longitude: -97.7 } });
    const earbuds = await createProduct(db(), near.id, { onHand: 5 });
    const lamp = await createProduct(db(), near.id, { onHand: 5 });
    await db().storefrontAvailability.createMany({
      data: [
        { storeCode: near.code, sku: earbuds.sku, available: 2 },
        { storeCode: near.code, sku: lamp.sku, available: 0 }, // stale: the OMS has 5, the feed never caught up
        { storeCode: far.code, sku: earbuds.sku, available: 9 },
        { storeCode: far.code, sku: lamp.sku, available: 1 },
      ],
    });
    const lines = [{ productId: earbuds.id, quantity: 2 }, { productId: lamp.id, quantity: 1 }];
    const options = (await findPickupStores(db(), { origin: { latitude: 30.27, longitude: -97.74 }, lines, radiusMiles: 100, now: new Date() })).filter((s) =>
      [near.id, far.id].includes(s.id),
    );
    expect(options.map((s) => [s.id, s.coverage.linesAvailable, s.coverage.canFillAll])).toEqual([
      [near.id, 1, false],
      [far.id, 2, true],
    ]);
    expect(options[0]!.coverage.shortLines).toEqual([{ productId: lamp.id, requested: 1, available: 0 }]);
    expect(options[0]!.distanceMiles).toBeLessThan(options[1]!.distanceMiles);
  });
});
