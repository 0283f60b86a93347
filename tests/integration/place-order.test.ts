import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { verifyPickupCode, pickupCodeFor } from "@/lib/platform/security/pickup-code";
import { TEST_CARDS } from "@/lib/oms/payments/card";
import { createProduct, createStore, firstSlot, footprint, orderInput, stockOf } from "../support/factories";

const db = () => getDb();
const now = new Date();

beforeAll(async () => {
  // Fails a placement at a chosen table when the shopper's email asks for it, to prove
  // that a failure at any step, even the last, rolls back everything before it.
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_fail_point() RETURNS trigger AS $$
    DECLARE email text;
    BEGIN
      SELECT o."customerEmail" INTO email FROM "Order" o WHERE o.id = NEW."orderId";
      IF email LIKE 'fail-at-' || lower(TG_TABLE_NAME) || '@%' THEN
        RAISE EXCEPTION 'injected failure at %', TG_TABLE_NAME;
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  for (const table of ["PaymentAuthorization", "OutboxEvent", "ChainStep"]) {
    await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail ON "${table}"`);
    await db().$executeRawUnsafe(`CREATE TRIGGER test_fail BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_fail_point()`);
  }
});

describe("placing an order", () => {
  it("writes the order, its lines, reservations, slot booking, authorization, event and placement chain together", async () => {
    const store = await createStore(db());
    const a = await createProduct(db(), store.id, { onHand: 5 }, 1250);
    const b = await createProduct(db(), store.id, { onHand: 3, safetyStock: 1 }, 300);
    const slot = await firstSlot(db(), store.id, now);

    const placed = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 2 }] }), now);

    const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: { include: { reservation: true } }, payment: true, slot: true } });
    expect(order.status).toBe("PLACED");
    expect(order.number).toBeGreaterThanOrEqual(100001);
    expect(order.totalCents).toBe(2 * 1250 + 2 * 300);
    expect(order.lines.map((l) => [l.productId, l.quantity, l.reservation?.status])).toEqual(
      expect.arrayContaining([[a.id, 2, "HELD"], [b.id, 2, "HELD"]]),
    );
    expect((await stockOf(db(), store.id, a.id)).allocated).toBe(2);
    expect((await stockOf(db(), store.id, b.id)).allocated).toBe(2);
    expect(order.slot.booked).toBe(1);
    expect(order.payment).toMatchObject({ status: "AUTHORIZED", amountCents: 3100, cardLast4: "4242" });
    expect(order.pickupCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyPickupCode(order.id, pickupCodeFor(placed.accessToken), order.pickupCodeHash)).toBe(true);

    const events = await db().outboxEvent.findMany({ where: { orderId: order.id } });
    expect(events.map((e) => e.type)).toEqual(["order.created"]);
    expect(events[0]!.payload).toMatchObject({ orderNumber: order.number, totalCents: 3100 });
    const steps = await db().chainStep.findMany({ where: { orderId: order.id }, orderBy: { stepNumber: "asc" } });
    expect(steps.map((s) => [s.chain, s.stepNumber, s.sourceSystem, s.targetSystem, s.status])).toEqual([
      ["PLACEMENT", 1, "STOREFRONT", "OMS", "DELIVERED"],
      ["PLACEMENT", 2, "OMS", "WMS", "PENDING"],
      ["PLACEMENT", 3, "OMS", "POS", "PENDING"],
      ["PLACEMENT", 4, "OMS", "STOREFRONT", "PENDING"],
      ["PLACEMENT", 5, "OMS", "NOTIFICATION", "PENDING"],
    ]);
    expect(steps.every((s) => s.expectedBy.getTime() >= now.getTime())).toBe(true);
  });

  it("creates one order when the same checkout is submitted twice at once", async () => {
    const store = await createStore(db());
    const product = await createProduct(db(), store.id, { onHand: 10 });
    const slot = await firstSlot(db(), store.id, now);
    const input = orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] });

    const [first, second] = await Promise.all([placeOrder(db(), input, now), placeOrder(db(), input, now)]);
    expect(first.orderId).toBe(second.orderId);
    expect([first.alreadyPlaced, second.alreadyPlaced].sort()).toEqual([false, true]);
    expect(await footprint(db(), store.id)).toMatchObject({ orders: 1, reservations: 1, slotsBooked: 1, allocated: 1, payments: 1, events: 1 });
  });

  describe("rolls everything back when it fails", () => {
    async function setup() {
      const store = await createStore(db(), { curbsideEnabled: false });
      const plenty = await createProduct(db(), store.id, { onHand: 10 });
      const scarce = await createProduct(db(), store.id, { onHand: 2, safetyStock: 1 });
      const slot = await firstSlot(db(), store.id, now);
      return { store, plenty, scarce, slot };
    }
    const empty = { orders: 0, lines: 0, reservations: 0, payments: 0, events: 0, steps: 0, slotsBooked: 0, allocated: 0 };

    it("when a later line is short, with a message naming what is left", async () => {
      const { store, plenty, scarce, slot } = await setup();
      const input = orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: plenty.id, quantity: 3 }, { productId: scarce.id, quantity: 2 }] });
      const error = await placeOrder(db(), input, now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("INSUFFICIENT_STOCK");
      expect((error as DomainError).message).toBe(`Only 1 left of ${scarce.name} at ${store.name} — pick another store or lower the quantity.`);
      expect(await footprint(db(), store.id)).toEqual(empty);
    });

    it("when the card is declined", async () => {
      const { store, plenty, slot } = await setup();
      const input = orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, cardNumber: TEST_CARDS.declined.replace(/ /g, ""), lines: [{ productId: plenty.id, quantity: 1 }] });
      await expect(placeOrder(db(), input, now)).rejects.toMatchObject({ code: "PAYMENT_DECLINED" });
      expect(await footprint(db(), store.id)).toEqual(empty);
      expect(await db().testProviderCharge.count({ where: { idempotencyKey: `authorize:${input.checkoutId}` } })).toBe(0);
    });

    it.each(["PaymentAuthorization", "OutboxEvent", "ChainStep"])("when writing the %s fails", async (table) => {
      const { store, plenty, slot } = await setup();
      const input = orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, email: `fail-at-${table.toLowerCase()}@example.com`, lines: [{ productId: plenty.id, quantity: 2 }] });
      await expect(placeOrder(db(), input, now)).rejects.toThrow(/injected failure/);
      expect(await footprint(db(), store.id)).toEqual(empty);
      expect(await db().testProviderCharge.count({ where: { idempotencyKey: `authorize:${input.checkoutId}` } })).toBe(0);
    });

    it("when the pickup window is full", async () => {
      const store = await createStore(db(), { slotCapacity: 1 });
      const product = await createProduct(db(), store.id, { onHand: 10 });
      const slot = await firstSlot(db(), store.id, now);
      await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }), now);
      const error = await placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }), now).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "SLOT_UNAVAILABLE" });
      expect(await footprint(db(), store.id)).toMatchObject({ orders: 1, reservations: 1, slotsBooked: 1, allocated: 1 });
    });

    it("when curbside is asked of a store without it, or the slot is not offered", async () => {
      const { store, plenty, slot } = await setup();
      const lines = [{ productId: plenty.id, quantity: 1 }];
      await expect(placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, pickupMethod: "CURBSIDE", lines }), now)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      const offGrid = new Date(slot.startsAt.getTime() + 7 * 60_000);
      await expect(placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: offGrid, lines }), now)).rejects.toMatchObject({ code: "SLOT_UNAVAILABLE" });
      expect(await footprint(db(), store.id)).toEqual(empty);
    });

    it("when a product does not exist", async () => {
      const { store, plenty, slot } = await setup();
      const lines = [{ productId: plenty.id, quantity: 1 }, { productId: "00000000-0000-4000-8000-000000000000", quantity: 1 }];
      await expect(placeOrder(db(), orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, lines }), now)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      expect(await footprint(db(), store.id)).toEqual(empty);
    });
  });
});
