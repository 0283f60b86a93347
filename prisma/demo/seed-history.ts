import { randomBytes, randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { NAMED_NODES } from "@/lib/bus/chain-catalogue";
import { ROUTES, stepsOf } from "@/lib/bus/chain-steps";
import type { Db } from "@/lib/platform/db/prisma";
import type { Chain, ChainStepStatus, OrderStatus, SystemName } from "@/lib/generated/prisma/enums";
import { TEST_PROVIDER } from "@/lib/oms/payments/test-provider";
import { addOpeningMinutes } from "@/lib/oms/slots/ready-by";
import { scheduleOf, type StoreWithHours } from "@/lib/oms/stores/load-stores";
import { insertRows } from "./insert-rows";
import { mulberry32 } from "./random";

/** How far back the demo's order history goes, and how many orders a store takes a day. */
export const HISTORY_DAYS = 30;
const ORDERS_PER_DAY = [2, 8] as const;

type Outcome = "on_time" | "late" | "short" | "canceled" | "no_show";
/** A broken chain the demo keeps: the storefront never heard (seed 001's C1, seed 000's P4). */
type Break = "cancellation-1" | "pickup-4" | null;

type PlannedOrder = {
  store: StoreWithHours;
  outcome: Outcome;
  broken: Break;
  method: "IN_STORE" | "CURBSIDE";
  placedAt: Date;
  pickTargetAt: Date;
  promisedReadyAt: Date;
  slotStartsAt: Date;
  slotEndsAt: Date;
  holdUntil: Date;
  readyAt: Date | null;
  closedAt: Date;
  lines: { productId: string; sku: string; name: string; priceCents: number; imageUrl: string; barcode: string; quantity: number; short: number }[];
  customer: { name: string; email: string; phone: string };
};

const FIRST_NAMES = ["Riley", "Jordan", "Avery", "Sam", "Taylor", "Morgan", "Casey", "Jamie", "Drew", "Quinn", "Harper", "Rowan", "Emery", "Reese", "Skyler"];
const LAST_NAMES = ["Garcia", "Nguyen", "Patel", "Kim", "Johnson", "Okafor", "Rossi", "Silva", "Chen", "Walker", "Haddad", "Novak"];

const minutes = (n: number) => n * 60_000;

/**
 * Thirty days of finished orders across the demo stores, written as each system would
 * have recorded them (OMS order and payment, POS queue entry, WMS allocation, storefront
 * view, messages, every chain step and delivery), so the KPI charts, node trends and
 * sparklines have something to show on first start. Mostly picked up on time; some late,
 * short, canceled or not collected; a few with a storefront that never heard, left
 * dead-lettered for the cascade views (a replay heals them). Deterministic.
 */
export async function seedOrderHistory(db: Db, now = new Date()): Promise<number> {
  const random = mulberry32(20261201);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const stores = await db.store.findMany({ include: { hours: { orderBy: { weekday: "asc" } }, inventory: { include: { product: true } } }, orderBy: { code: "asc" } });
  const planned: PlannedOrder[] = [];
  const latestClose = now.getTime() - minutes(10);

  for (const store of stores) {
    const products = store.inventory.filter((level) => level.onHand > 0).map((level) => level.product);
    const schedule = scheduleOf(store);
    for (let daysAgo = HISTORY_DAYS; daysAgo >= 0; daysAgo--) {
      const day = DateTime.fromJSDate(now, { zone: store.timeZone }).startOf("day").minus({ days: daysAgo });
      const hours = store.hours.find((row) => row.weekday === day.weekday);
      if (!hours) continue;
      const count = Math.round(between(...ORDERS_PER_DAY));
      for (let i = 0; i < count; i++) {
        const placedAt = day.plus({ minutes: between(hours.opensAtMin, hours.closesAtMin - 45) }).toJSDate();
        // Recent orders would still be open; the history ends three hours ago.
        if (placedAt.getTime() > now.getTime() - minutes(180)) continue;
        const pickTargetAt = addOpeningMinutes(schedule, placedAt, store.pickTargetMinutes) ?? new Date(placedAt.getTime() + minutes(store.pickTargetMinutes));
        const promisedReadyAt = new Date(Math.ceil((placedAt.getTime() + minutes(store.prepMinutes)) / minutes(5)) * minutes(5));
        const slotStart = DateTime.fromJSDate(promisedReadyAt, { zone: store.timeZone }).startOf("hour");
        const slotStartsAt = slotStart.toJSDate();
        const slotEndsAt = slotStart.plus({ minutes: store.slotMinutes }).toJSDate();
        const holdUntil = new Date(slotEndsAt.getTime() + store.holdHours * 3_600_000);
        const roll = random();
        let outcome: Outcome = roll < 0.78 ? "on_time" : roll < 0.87 ? "late" : roll < 0.92 ? "short" : roll < 0.97 ? "canceled" : "no_show";
        if (outcome === "no_show" && holdUntil.getTime() > latestClose) outcome = "on_time";
        const readyAt =
          outcome === "canceled"
            ? null
            : new Date(placedAt.getTime() + minutes(outcome === "late" ? between(store.pickTargetMinutes + 2, store.pickTargetMinutes + 40) : between(6, store.pickTargetMinutes - 1)));
        let closedAt =
          outcome === "canceled"
            ? new Date(placedAt.getTime() + minutes(between(3, 12)))
            : outcome === "no_show"
              ? holdUntil
              : new Date(Math.max(readyAt!.getTime() + minutes(between(10, 180)), slotStartsAt.getTime() + minutes(between(1, 50))));
        if (closedAt.getTime() > latestClose) closedAt = new Date(latestClose - minutes(between(1, 60)));
        if (readyAt && closedAt <= readyAt) closedAt = new Date(readyAt.getTime() + minutes(2));
        if (closedAt.getTime() > latestClose) continue;
        const lineCount = Math.min(products.length, 1 + Math.floor(random() * 3));
        const chosen = [...new Set(Array.from({ length: lineCount }, () => pick(products)))];
        const lines = chosen.map((product, index) => {
          const quantity = random() < 0.2 ? 2 : 1;
          return {
            productId: product.id,
            sku: product.sku,
            name: product.name,
            priceCents: product.priceCents,
            imageUrl: product.imageUrl,
            barcode: product.barcode,
            quantity,
            short: outcome === "short" && index === 0 ? quantity : 0,
          };
        });
        if (outcome === "short" && lines.length === 1) lines[0]!.short = lines[0]!.quantity > 1 ? 1 : 0;
        const first = pick(FIRST_NAMES);
        const last = pick(LAST_NAMES);
        // A few of each: about one canceled order in twenty, one picked-up order in three hundred.
        const breakRoll = random();
        const broken: Break = outcome === "canceled" ? (breakRoll < 0.05 ? "cancellation-1" : null) : outcome !== "no_show" && breakRoll < 0.003 ? "pickup-4" : null;
        planned.push({
          store,
          outcome,
          broken,
          method: store.curbsideEnabled && random() < 0.35 ? "CURBSIDE" : "IN_STORE",
          placedAt,
          pickTargetAt,
          promisedReadyAt,
          slotStartsAt,
          slotEndsAt,
          holdUntil,
          readyAt,
          closedAt,
          lines,
          customer: { name: `${first} ${last}`, email: `${first}.${last}.${planned.length}@example.com`.toLowerCase(), phone: `+1512555${String(1000 + (planned.length % 9000)).padStart(4, "0")}` },
        });
      }
    }
  }
  planned.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  await writeHistory(db, planned);
  return planned.length;
}

const STATUS: Record<Outcome, OrderStatus> = { on_time: "PICKED_UP", late: "PICKED_UP", short: "PICKED_UP", canceled: "CANCELED", no_show: "NO_SHOW" };
const VIEW: Record<Outcome, string> = { on_time: "picked_up", late: "picked_up", short: "picked_up", canceled: "canceled", no_show: "no_show" };
const TASK: Record<Outcome, string> = { on_time: "picked_up", late: "picked_up", short: "picked_up", canceled: "canceled", no_show: "no_show" };

async function writeHistory(db: Db, planned: PlannedOrder[]) {
  // Pickup windows first: orders point at them, and their bookings add up.
  const slotKey = (order: PlannedOrder) => `${order.store.id}|${order.slotStartsAt.getTime()}`;
  const slots = new Map<string, { id: string; storeId: string; startsAt: Date; endsAt: Date; capacity: number; booked: number }>();
  for (const order of planned) {
    const slot = slots.get(slotKey(order)) ?? { id: randomUUID(), storeId: order.store.id, startsAt: order.slotStartsAt, endsAt: order.slotEndsAt, capacity: order.store.slotCapacity, booked: 0 };
    slot.booked = Math.min(slot.capacity, slot.booked + 1);
    slots.set(slotKey(order), slot);
  }
  await insertRows(db, "PickupSlot", [...slots.values()]);

  const ids = planned.map(() => randomUUID());
  await insertRows(
    db,
    "Order",
    planned.map((order, index) => {
      const total = order.lines.reduce((sum, line) => sum + (line.quantity - line.short) * line.priceCents, 0);
      return {
        id: ids[index]!,
        accessToken: randomBytes(24).toString("base64url"),
        checkoutId: `demo-history-${ids[index]}`,
        status: STATUS[order.outcome],
        customerName: order.customer.name,
        customerEmail: order.customer.email,
        customerPhone: order.customer.phone,
        storeId: order.store.id,
        pickupMethod: order.method,
        slotId: slots.get(slotKey(order))!.id,
        promisedReadyAt: order.promisedReadyAt,
        holdUntil: order.holdUntil,
        pickupCodeHash: randomBytes(32).toString("hex"),
        totalCents: total,
        cancelReason: order.outcome === "canceled" ? "Canceled by the customer" : order.outcome === "no_show" ? "Not collected within the hold window" : null,
        placedAt: order.placedAt,
        readyAt: order.readyAt,
        pickedUpAt: STATUS[order.outcome] === "PICKED_UP" ? order.closedAt : null,
        canceledAt: order.outcome === "canceled" || order.outcome === "no_show" ? order.closedAt : null,
        reminderSentAt: order.outcome === "no_show" ? new Date(order.holdUntil.getTime() - 24 * 3_600_000) : null,
        updatedAt: order.closedAt,
      };
    }),
  );
  const created = await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, totalCents: true } });
  const numberOf = new Map(created.map((row) => [row.id, row]));

  await insertRows(
    db,
    "OrderLine",
    planned.flatMap((order, index) =>
      order.lines.map((line) => ({
        id: randomUUID(),
        orderId: ids[index]!,
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitPriceCents: line.priceCents,
        shortQuantity: line.short,
        shortReason: line.short > 0 ? "Not found" : null,
      })),
    ),
  );
  await insertRows(
    db,
    "PaymentAuthorization",
    planned.map((order, index) => {
      const total = order.lines.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
      const captured = STATUS[order.outcome] === "PICKED_UP";
      return {
        id: randomUUID(),
        orderId: ids[index]!,
        provider: TEST_PROVIDER,
        providerRef: `demo_${randomBytes(8).toString("hex")}`,
        idempotencyKey: `authorize:demo-history-${ids[index]}`,
        amountCents: total,
        capturedCents: captured ? numberOf.get(ids[index]!)!.totalCents : null,
        cardLast4: "4242",
        status: captured ? "CAPTURED" : "VOIDED",
        authorizedAt: order.placedAt,
        expiresAt: new Date(order.placedAt.getTime() + 7 * 86_400_000),
        capturedAt: captured ? order.closedAt : null,
        voidedAt: captured ? null : order.closedAt,
      } as const;
    }),
  );

  // What the other systems hold: the POS queue, the WMS allocations, the storefront's view, the messages.
  await insertRows(
    db,
    "PosOrderTask",
    planned.map((order, index) => ({
      orderId: ids[index]!,
      orderNumber: numberOf.get(ids[index]!)!.number,
      storeCode: order.store.code,
      status: TASK[order.outcome],
      lastPosition: 0n,
      customerFirstName: order.customer.name.split(" ")[0]!,
      pickupMethod: order.method,
      slotStartsAt: order.slotStartsAt,
      slotEndsAt: order.slotEndsAt,
      promisedReadyAt: order.promisedReadyAt,
      placedAt: order.placedAt,
      pickTargetAt: order.pickTargetAt,
      itemCount: order.lines.reduce((sum, line) => sum + line.quantity - line.short, 0),
      stagingBin: order.readyAt ? `${"ABC"[index % 3]}-${(index % 20) + 1}` : null,
      pickingStartedAt: order.readyAt ? new Date(order.placedAt.getTime() + minutes(2)) : null,
      readyAt: order.readyAt,
      closedAt: order.closedAt,
      updatedAt: order.closedAt,
    })),
  );
  await insertRows(
    db,
    "PosOrderLine",
    planned.flatMap((order, index) =>
      order.lines.map((line) => ({
        id: randomUUID(),
        orderId: ids[index]!,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        imageUrl: line.imageUrl,
        barcode: line.barcode,
        pickedQuantity: order.readyAt ? line.quantity - line.short : 0,
        shortQuantity: line.short,
        shortReason: line.short > 0 ? "Not found" : null,
      })),
    ),
  );
  await insertRows(
    db,
    "WmsAllocation",
    planned.flatMap((order, index) =>
      order.lines.map((line) => ({
        id: randomUUID(),
        orderId: ids[index]!,
        orderNumber: numberOf.get(ids[index]!)!.number,
        storeCode: order.store.code,
        sku: line.sku,
        quantity: Math.max(1, line.quantity - line.short),
        status: STATUS[order.outcome] === "PICKED_UP" ? ("CONSUMED" as const) : ("RELEASED" as const),
        updatedAt: order.closedAt,
      })),
    ),
  );
  await insertRows(
    db,
    "StorefrontOrderView",
    planned.map((order, index) => ({
      orderId: ids[index]!,
      orderNumber: numberOf.get(ids[index]!)!.number,
      // The broken ones: the storefront never heard the last word.
      status: order.broken === "cancellation-1" ? "placed" : order.broken === "pickup-4" ? "ready" : VIEW[order.outcome],
      lastPosition: 0n,
      updatedAt: order.closedAt,
    })),
  );
  await insertRows(
    db,
    "NotificationMessage",
    planned.flatMap((order, index) => {
      const number = `H-${numberOf.get(ids[index]!)!.number}`;
      const message = (kind: string, subject: string) => ({
        id: randomUUID(),
        orderId: ids[index]!,
        orderNumber: numberOf.get(ids[index]!)!.number,
        kind,
        channel: "email",
        recipient: order.customer.email,
        subject,
        body: subject,
        status: "sent",
        createdAt: order.closedAt,
      });
      const sent = [message("order_confirmed", `Order ${number} is confirmed`)];
      if (order.readyAt) sent.push(message("order_ready", `Order ${number} is ready for pickup at ${order.store.name}`));
      if (STATUS[order.outcome] === "PICKED_UP") sent.push(message("order_picked_up", `Receipt for order ${number}`));
      if (order.outcome === "canceled") sent.push(message("order_canceled", `Order ${number} is canceled`));
      if (order.outcome === "no_show") sent.push(message("no_show", `Order ${number} was not collected — ship it to you instead?`));
      return sent;
    }),
  );

  await writeChains(db, planned, ids, numberOf);
}

/** Every chain step the orders went through, from the one catalogue, and the deliveries that carried them. */
async function writeChains(db: Db, planned: PlannedOrder[], ids: string[], numberOf: Map<string, { number: number }>) {
  const steps: {
    orderId: string;
    chain: Chain;
    stepNumber: number;
    sourceSystem: SystemName;
    targetSystem: SystemName;
    eventType: string;
    description: string;
    expectedBy: Date;
    arrivedAt: Date | null;
    status: ChainStepStatus;
    attempts: number;
    lastError: string | null;
  }[] = [];
  const events: { id: string; source: SystemName; type: string; orderId: string; payload: { orderNumber: number; storeCode: string }; occurredAt: Date }[] = [];
  const deliveries: {
    outboxEventId: string;
    targetSystem: SystemName;
    status: "DELIVERED" | "DEAD";
    attempts: number;
    orderId: string;
    chain: Chain | null;
    stepNumber: number | null;
    deliveredAt: Date | null;
    lastStatusCode: number | null;
    lastError: string | null;
    position: bigint;
    createdAt: Date;
  }[] = [];
  const BROKEN_ERROR = "HTTP 503 from the storefront: retries exhausted";

  planned.forEach((order, index) => {
    const orderId = ids[index]!;
    const payload = { orderNumber: numberOf.get(orderId)!.number, storeCode: order.store.code };
    const chains: [Chain, Date, number[]?][] = [["PLACEMENT", order.placedAt]];
    if (order.readyAt) chains.push(["READY", order.readyAt]);
    if (STATUS[order.outcome] === "PICKED_UP") chains.push(["PICKUP", order.closedAt]);
    if (order.outcome === "canceled") chains.push(["CANCELLATION", order.closedAt]);
    if (order.outcome === "no_show") chains.push(["NO_SHOW", new Date(order.holdUntil.getTime() - 24 * 3_600_000), [1]], ["NO_SHOW", order.holdUntil, [2, 3, 4, 5, 6]]);
    for (const [chain, at, only] of chains) {
      const eventIds = new Map<string, string>();
      for (const definition of stepsOf(chain)) {
        if (only && !only.includes(definition.stepNumber)) continue;
        // The order's broken node is the crossing that never arrived.
        const broken = definition.arrives === "bus" && definition.node !== undefined && NAMED_NODES[definition.node].id === order.broken;
        const arrivedAt = new Date(at.getTime() + 1_000 + definition.stepNumber * 400 + Math.floor((index * 37) % 900));
        const source = chain === "CANCELLATION" && definition.stepNumber === 1 ? "STOREFRONT" : definition.source;
        steps.push({
          orderId,
          chain,
          stepNumber: definition.stepNumber,
          sourceSystem: source,
          targetSystem: definition.target,
          eventType: definition.event,
          description: definition.description,
          expectedBy: new Date(at.getTime() + definition.deadlineSeconds * 1000),
          arrivedAt: broken ? null : arrivedAt,
          status: broken ? "DEAD_LETTERED" : "DELIVERED",
          attempts: broken ? 13 : 1,
          lastError: broken ? BROKEN_ERROR : null,
        });
        // The delivery that carried the step, on the route the bus uses for it.
        const route = ROUTES.find((candidate) => candidate.chain === chain && candidate.stepNumber === definition.stepNumber);
        // The shopper's own cancel happens in the OMS's transaction: nothing crosses for step 1.
        if (!route || (chain === "CANCELLATION" && definition.stepNumber === 1)) continue;
        const key = `${route.source}|${route.type}`;
        if (!eventIds.has(key)) {
          const id = randomUUID();
          eventIds.set(key, id);
          events.push({ id, source: route.source, type: route.type, orderId, payload, occurredAt: at });
        }
        // Now and then a receiver was busy and the bus tried again: the delivery error rate is not always zero.
        const retried = !broken && (index * 7 + definition.stepNumber) % 53 === 0;
        deliveries.push({
          outboxEventId: eventIds.get(key)!,
          targetSystem: route.target,
          status: broken ? "DEAD" : "DELIVERED",
          attempts: broken ? 13 : retried ? 2 : 1,
          orderId,
          chain,
          stepNumber: definition.stepNumber,
          deliveredAt: broken ? null : arrivedAt,
          lastStatusCode: broken ? 503 : 202,
          lastError: broken ? BROKEN_ERROR : null,
          position: 0n,
          createdAt: at,
        });
      }
    }
  });
  await insertRows(
    db,
    "ChainStep",
    steps.map((step) => ({ id: randomUUID(), ...step })),
  );
  await insertRows(db, "OutboxEvent", events);
  await insertRows(
    db,
    "Delivery",
    deliveries.map((delivery) => ({ id: randomUUID(), ...delivery })),
  );
  // A delivery keeps its event's outbox position (one order's events reach a system in order).
  await db.$executeRaw`UPDATE "Delivery" d SET "position" = e."position" FROM "OutboxEvent" e WHERE d."outboxEventId" = e."id" AND d."position" = 0`;
}
