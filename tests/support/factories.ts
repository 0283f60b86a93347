import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/platform/db/prisma";
import type { PlaceOrderInput } from "@/lib/oms/orders/place-order-input";
import { TEST_CARDS } from "@/lib/oms/payments/card";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadStore } from "@/lib/oms/stores/load-stores";

// Each test makes its own store and products, so tests never share rows and can run in parallel.

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** A store open around the clock in UTC, so any "now" has slots. */
export async function createStore(db: Db, overrides: { slotCapacity?: number; curbsideEnabled?: boolean; pickers?: number } = {}) {
  return db.store.create({
    data: {
      code: unique("T"),
      name: `Test Store ${counter}`,
      addressLine: "1 Test Way",
      city: "Austin",
      state: "TX",
      postalCode: "78701",
      phone: "(512) 555-0100",
      timeZone: "UTC",
      latitude: 30.27,
      longitude: -97.74,
      prepMinutes: 15,
      pickers: overrides.pickers ?? 1000,
      curbsideEnabled: overrides.curbsideEnabled ?? true,
      holdHours: 72,
      slotMinutes: 60,
      slotCapacity: overrides.slotCapacity ?? 1000,
      hours: { create: Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, opensAtMin: 0, closesAtMin: 1440 })) },
    },
  });
}

export async function createProduct(db: Db, storeId: string, stock: { onHand: number; safetyStock?: number }, priceCents = 1000) {
  const sku = unique("SKU");
  const product = await db.product.create({
    data: { sku, name: `Product ${sku}`, category: "Test", description: "A test product", priceCents, imageUrl: "/products/EL-1001.svg", barcode: sku },
  });
  await db.inventoryLevel.create({ data: { storeId, productId: product.id, onHand: stock.onHand, safetyStock: stock.safetyStock ?? 0 } });
  return product;
}

export async function firstSlot(db: Db, storeId: string, now: Date, index = 0) {
  const store = await loadStore(db, storeId);
  const offer = await storeSlotOffer(db, store!, now);
  const slot = offer.slots[index];
  if (!slot) throw new Error("The test store offered no slot");
  return slot;
}

export function orderInput(overrides: Partial<PlaceOrderInput> & Pick<PlaceOrderInput, "storeId" | "lines" | "slotStartsAt">): PlaceOrderInput {
  return {
    checkoutId: randomUUID(),
    pickupMethod: "IN_STORE",
    name: "Test Shopper",
    email: `shopper-${randomUUID()}@example.com`,
    phone: "+15125550100",
    cardNumber: TEST_CARDS.approved.replace(/ /g, ""),
    ...overrides,
  };
}

export async function stockOf(db: Db, storeId: string, productId: string) {
  return db.inventoryLevel.findUniqueOrThrow({ where: { storeId_productId: { storeId, productId } } });
}

/** Every row a placement writes for a store, to prove a failed one wrote nothing. */
export async function footprint(db: Db, storeId: string) {
  const orders = await db.order.findMany({ where: { storeId }, select: { id: true } });
  const orderIds = orders.map((o) => o.id);
  const [lines, reservations, payments, events, steps, slots, allocated] = await Promise.all([
    db.orderLine.count({ where: { orderId: { in: orderIds } } }),
    db.reservation.count({ where: { storeId } }),
    db.paymentAuthorization.count({ where: { orderId: { in: orderIds } } }),
    db.outboxEvent.count({ where: { orderId: { in: orderIds } } }),
    db.chainStep.count({ where: { orderId: { in: orderIds } } }),
    db.pickupSlot.aggregate({ where: { storeId }, _sum: { booked: true } }),
    db.inventoryLevel.aggregate({ where: { storeId }, _sum: { allocated: true } }),
  ]);
  return { orders: orderIds.length, lines, reservations, payments, events, steps, slotsBooked: slots._sum.booked ?? 0, allocated: allocated._sum.allocated ?? 0 };
}
