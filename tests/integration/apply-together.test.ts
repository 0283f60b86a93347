import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyOnce } from "@/lib/bus/receive-event";
import { getDb, type Tx } from "@/lib/platform/db/prisma";

const db = () => getDb();

/** An application that adds one unit to a store's availability row and says which transaction it ran in. */
const addOne = (storeCode: string) => async (tx: Tx) => {
  await tx.$executeRaw`
    INSERT INTO "StorefrontAvailability" ("storeCode", "sku", "available", "updatedAt") VALUES (${storeCode}, 'SKU-1', 1, now())
    ON CONFLICT ("storeCode", "sku") DO UPDATE SET "available" = "StorefrontAvailability"."available" + 1`;
  const [row] = await tx.$queryRaw<{ txid: string }[]>`SELECT txid_current()::text AS txid`;
  return row!.txid;
};

const availableAt = async (storeCode: string) =>
  (await db().storefrontAvailability.findUnique({ where: { storeCode_sku: { storeCode, sku: "SKU-1" } } }))?.available ?? 0;

/** Holds the system's receiver busy (inside its first event) until released, so what arrives meanwhile waits and is applied together. */
async function busyReceiver(storeCode: string) {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const first = applyOnce(db(), "STOREFRONT", randomUUID(), "test.event", async (tx) => {
    entered();
    await gate;
    return addOne(storeCode)(tx);
  });
  await inside;
  return { first, release };
}

describe("a receiver applying what arrives together", () => {
  it("applies the events that arrive while it is busy in one transaction, each once", async () => {
    const storeCode = `T-${randomUUID()}`;
    const busy = await busyReceiver(storeCode);
    const ids = Array.from({ length: 8 }, () => randomUUID());
    const waiting = ids.map((id) => applyOnce(db(), "STOREFRONT", id, "test.event", addOne(storeCode)));
    busy.release();
    const firstTx = await busy.first;
    const transactions = await Promise.all(waiting);

    expect(new Set(transactions).size).toBe(1);
    expect(transactions[0]).not.toBe(firstTx);
    expect(await availableAt(storeCode)).toBe(9);
    expect(await db().inboxReceipt.count({ where: { system: "STOREFRONT", webhookId: { in: ids } } })).toBe(8);
    // A redelivery of any of them later changes nothing.
    expect(await applyOnce(db(), "STOREFRONT", ids[3]!, "test.event", addOne(storeCode))).toBe("duplicate");
    expect(await availableAt(storeCode)).toBe(9);
  });

  it("fails only the event that fails: the others are applied once each, and the failed one leaves no receipt", async () => {
    const storeCode = `T-${randomUUID()}`;
    const busy = await busyReceiver(storeCode);
    const ids = Array.from({ length: 5 }, () => randomUUID());
    const waiting = ids.map((id, index) =>
      applyOnce(db(), "STOREFRONT", id, "test.event", async (tx) => {
        const txid = await addOne(storeCode)(tx);
        if (index === 2) throw new Error("this event's data is wrong");
        return txid;
      }),
    );
    busy.release();
    await busy.first;
    const settled = await Promise.allSettled(waiting);

    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe("this event's data is wrong");
    expect(await availableAt(storeCode)).toBe(1 + 4);
    expect(await db().inboxReceipt.findMany({ where: { system: "STOREFRONT", webhookId: { in: ids } }, select: { webhookId: true } })).toHaveLength(4);
    expect(await db().inboxReceipt.count({ where: { webhookId: ids[2]! } })).toBe(0);
  });

  it("applies one event delivered twice in the same batch once", async () => {
    const storeCode = `T-${randomUUID()}`;
    const busy = await busyReceiver(storeCode);
    const id = randomUUID();
    const twice = [applyOnce(db(), "STOREFRONT", id, "test.event", addOne(storeCode)), applyOnce(db(), "STOREFRONT", id, "test.event", addOne(storeCode))];
    busy.release();
    await busy.first;
    const [first, second] = await Promise.all(twice);

    expect(first).not.toBe("duplicate");
    expect(second).toBe("duplicate");
    expect(await availableAt(storeCode)).toBe(2);
  });
});
