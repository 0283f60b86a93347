import { isOrderToken } from "@/lib/platform/security/shopper-access";
import type { Db } from "@/lib/platform/db/prisma";
import { storeAddress } from "@/lib/platform/format/store-address";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { isOpenStatus } from "@/lib/oms/events";
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
  return {
    number: formatOrderNumber(order.number),
    status,
    statusLabel: STATUS_LABELS[status],
    canCancel: isOpenStatus(status),
    pickupCode: isOpenStatus(status) ? pickupCodeFor(order.accessToken) : null,
    pickupMethod: order.pickupMethod,
    promisedReadyAt: order.promisedReadyAt.toISOString(),
    holdUntil: order.holdUntil?.toISOString() ?? null,
    slot: { startsAt: order.slot.startsAt.toISOString(), endsAt: order.slot.endsAt.toISOString() },
    pickupWindow: isoWindow(pickupWindow({ slotStartsAt: order.slot.startsAt, slotEndsAt: order.slot.endsAt, promisedReadyAt: order.promisedReadyAt })),
    cancelReason: order.cancelReason,
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
      unitPriceCents: line.unitPriceCents,
      imageUrl: line.product.imageUrl,
    })),
  };
}

const isoWindow = (window: { startsAt: Date; endsAt: Date }) => ({ startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() });

export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderViewByToken>>>;
