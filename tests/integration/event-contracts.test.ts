import { describe, expect, it } from "vitest";
import { EventContractError } from "@/lib/bus/event-contracts";
import { EVENT } from "@/lib/bus/event-names";
import { writeOutboxEvent } from "@/lib/bus/outbox";
import type { EventData } from "@/lib/bus/event-contracts";
import { getDb } from "@/lib/platform/db/prisma";
import { placedOrder } from "../support/bus-harness";

const db = () => getDb();

describe("event contracts at the producer", () => {
  it("refuse an event whose data breaks its contract, and roll back the change that announced it", async () => {
    const { orderId } = await placedOrder(1);
    const before = await db().outboxEvent.count({ where: { orderId } });
    const drifted = { orderNumber: 1, storeCode: "" } as unknown as EventData<"WMS", typeof EVENT.inventoryReleased>;
    const write = db().$transaction(async (tx) => {
      await tx.wmsAllocation.updateMany({ where: { orderId }, data: { status: "RELEASED" } });
      await writeOutboxEvent(tx, { source: "WMS", type: EVENT.inventoryReleased, orderId, payload: drifted });
    });
    await expect(write).rejects.toThrow(EventContractError);
    await expect(write).rejects.toThrow(/storeCode.*lines|lines.*storeCode/s);
    expect(await db().outboxEvent.count({ where: { orderId } })).toBe(before);
    expect(await db().wmsAllocation.count({ where: { orderId, status: "RELEASED" } })).toBe(0);
  });

  it("refuse an event its source does not publish", async () => {
    const { orderId } = await placedOrder(1);
    const write = db().$transaction((tx) =>
      // The WMS does not announce orders: only the OMS does.
      writeOutboxEvent(tx, { source: "WMS", type: EVENT.orderCreated as never, orderId, payload: {} as never }),
    );
    await expect(write).rejects.toThrow("WMS may not publish this order.created: it publishes no such event");
  });

  it("write a conforming event with the extra fields it carries, as the producer wrote them", async () => {
    const { orderId } = await placedOrder(1);
    await db().$transaction((tx) =>
      writeOutboxEvent(tx, { source: "WMS", type: EVENT.inventoryReleased, orderId, payload: { orderNumber: 7, storeCode: "S1", lines: [{ sku: "A", quantity: 1 }] } }),
    );
    const event = await db().outboxEvent.findFirstOrThrow({ where: { orderId, type: EVENT.inventoryReleased } });
    expect(event.payload).toEqual({ orderNumber: 7, storeCode: "S1", lines: [{ sku: "A", quantity: 1 }] });
    expect(await db().delivery.count({ where: { outboxEventId: event.id, targetSystem: "STOREFRONT" } })).toBe(1);
  });
});
