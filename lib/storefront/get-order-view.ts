import { isOrderToken } from "@/lib/platform/security/shopper-access";
import type { Db } from "@/lib/platform/db/prisma";
import { storeAddress } from "@/lib/platform/format/store-address";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { DECLINED_AT_HANDOVER, isOpenStatus, OFFERS_THAT_KEEP_THE_ORDER, splitLinesSchema } from "@/lib/oms/events";
import { pickupCodeFor } from "@/lib/platform/security/pickup-code";
import { pickupWindow } from "@/lib/platform/format/pickup-window";
import { shopperVisibleStatus, STATUS_LABELS } from "./order-status";

/** Everything the shopper's order page shows, found by the secret link token. */
export async function getOrderViewByToken(db: Db, accessToken: string) {
  if (!isOrderToken(accessToken)) return null;
  const order = await db.order.findUnique({
    where: { accessToken },
    include: {
      store: { include: { hours: { orderBy: { weekday: "asc" } } } },
      slot: true,
      lines: { include: { product: { select: { imageUrl: true } } } },
      payment: { select: { status: true, cardLast4: true, amountCents: true } },
    },
  });
  if (!order) return null;
  const { store } = order;
  // The shopper sees the storefront's view of the order, which learns of changes from
  // the OMS over the bus: when that boundary breaks, this page is stale, as in the field.
  const view = await db.storefrontOrderView.findUnique({ where: { orderId: order.id }, select: { status: true } });
  const status = shopperVisibleStatus(view?.status);
  const reroute = await latestReroute(db, order.id);
  const split = await splitOrders(db, order.id, order.splitFromId);
  // The retailer's limit on extending a hold (the order page offers "Extend hold" only under it).
  const holdExtensionHours = (await db.retailerSettings.findUnique({ where: { id: 1 }, select: { holdExtensionHours: true } }))?.holdExtensionHours ?? 0;
  return {
    number: formatOrderNumber(order.number),
    status,
    statusLabel: STATUS_LABELS[status],
    canCancel: isOpenStatus(status),
    pickupCode: isOpenStatus(status) ? pickupCodeFor(order.accessToken) : null,
    pickupMethod: order.pickupMethod,
    promisedReadyAt: order.promisedReadyAt.toISOString(),
    /** The store ran late: the honest new ready-by, while the order is still being prepared. */
    delayedReadyAt: order.revisedReadyAt && (status === "PLACED" || status === "PICKING") && order.revisedReadyAt > order.promisedReadyAt ? order.revisedReadyAt.toISOString() : null,
    holdUntil: order.holdUntil?.toISOString() ?? null,
    slot: { startsAt: order.slot.startsAt.toISOString(), endsAt: order.slot.endsAt.toISOString() },
    pickupWindow: isoWindow(pickupWindow({ slotStartsAt: order.slot.startsAt, slotEndsAt: order.slot.endsAt, promisedReadyAt: order.promisedReadyAt })),
    cancelReason: order.cancelReason,
    reroute,
    /** Units this order's store could not find, placed at another store as orders of their own. */
    splitOrders: split.orders,
    /** The order this one's units were split from (its store could not find them). */
    splitFrom: split.from,
    collectorName: order.collectorName,
    holdExtended: order.holdExtendedAt !== null,
    /** Hours the shopper may still add to the hold (once); 0 when they may not. */
    holdExtensionHours: isOpenStatus(status) && order.holdUntil && !order.holdExtendedAt ? holdExtensionHours : 0,
    checkedIn: order.customerArrivedAt
      ? { at: order.customerArrivedAt.toISOString(), parkingBay: order.parkingBay, carDescription: order.carDescription }
      : null,
    customerName: order.customerName,
    totalCents: order.totalCents,
    payment: order.payment,
    store: {
      name: store.name,
      address: storeAddress(store),
      phone: store.phone,
      phoneHref: `tel:${store.phone.replace(/[^\d+]/g, "")}`,
      directionsUrl: `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(`${store.name}, ${storeAddress(store)}`)}`,
      timeZone: store.timeZone,
      hours: store.hours.map(({ weekday, opensAtMin, closesAtMin }) => ({ weekday, opensAtMin, closesAtMin })),
    },
    lines: order.lines.map((line) => ({
      id: line.id,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      shortQuantity: line.shortQuantity,
      /** Handed back at the counter rather than missing at the store. */
      declinedAtHandover: line.shortReason === DECLINED_AT_HANDOVER,
      /** Of the short units, those that went on to another order, and that order's number. */
      splitQuantity: line.splitQuantity,
      shortElsewhere: line.splitQuantity > 0 ? (split.orders.find((other) => other.skus.includes(line.sku))?.number ?? null) : null,
      unitPriceCents: line.unitPriceCents,
      imageUrl: line.product.imageUrl,
    })),
  };
}

/**
 * Why the order is not at the store it was placed at: the open offer of another store (to
 * accept or cancel by a deadline), or the last move and why.
 */
async function latestReroute(db: Db, orderId: string) {
  const reroute = await db.orderReroute.findFirst({ where: { orderId, status: { in: ["OFFERED", "MOVED"] } }, orderBy: { createdAt: "desc" } });
  if (!reroute?.toStoreId) return null;
  const stores = await db.store.findMany({ where: { id: { in: [reroute.fromStoreId, reroute.toStoreId] } }, select: { id: true, name: true, addressLine: true, city: true, state: true, postalCode: true, timeZone: true } });
  const from = stores.find((store) => store.id === reroute.fromStoreId);
  const to = stores.find((store) => store.id === reroute.toStoreId);
  if (!from || !to) return null;
  return {
    kind: reroute.status === "OFFERED" ? ("offer" as const) : ("moved" as const),
    /** Why another store came up: "SHORT" (the store carries on, smaller) and "LATE" (it is running late) leave the order where it is unless the shopper accepts. */
    trigger: reroute.trigger,
    keepsOrder: OFFERS_THAT_KEEP_THE_ORDER.includes(reroute.trigger),
    reason: reroute.reason,
    fromStore: from.name,
    toStore: { name: to.name, address: storeAddress(to), timeZone: to.timeZone },
    readyBy: reroute.readyBy?.toISOString() ?? null,
    window: reroute.slotStartsAt && reroute.slotEndsAt ? { startsAt: reroute.slotStartsAt.toISOString(), endsAt: reroute.slotEndsAt.toISOString() } : null,
    answerBy: reroute.expiresAt?.toISOString() ?? null,
    /** An offer of the missing units alone, as an order of their own there (null: the whole order). */
    units: offeredUnits(reroute.units),
  };
}

/** The orders split from this one, and the one it was split from, each with its page. */
async function splitOrders(db: Db, orderId: string, splitFromId: string | null) {
  const [children, parent] = await Promise.all([
    db.order.findMany({
      where: { splitFromId: orderId },
      orderBy: { number: "asc" },
      select: { number: true, accessToken: true, promisedReadyAt: true, store: { select: { name: true, timeZone: true } }, lines: { select: { sku: true } } },
    }),
    splitFromId ? db.order.findUnique({ where: { id: splitFromId }, select: { number: true, store: { select: { name: true } } } }) : null,
  ]);
  return {
    orders: children.map((child) => ({
      number: formatOrderNumber(child.number),
      href: `/orders/${child.accessToken}`,
      storeName: child.store.name,
      timeZone: child.store.timeZone,
      readyBy: child.promisedReadyAt.toISOString(),
      skus: child.lines.map((line) => line.sku),
    })),
    // The first order by number only: whoever holds this order's link (someone collecting it) gets no way into the other.
    from: parent ? { number: formatOrderNumber(parent.number), storeName: parent.store.name } : null,
  };
}

function offeredUnits(units: unknown) {
  const parsed = splitLinesSchema.safeParse(units);
  return parsed.success ? parsed.data.map(({ sku, name, quantity }) => ({ sku, name, quantity })) : null;
}

const isoWindow = (window: { startsAt: Date; endsAt: Date }) => ({ startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() });

export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderViewByToken>>>;
