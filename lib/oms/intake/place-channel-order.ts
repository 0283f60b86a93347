import type { Db } from "@/lib/platform/db/prisma";
import { DomainError } from "@/lib/platform/errors";
import { locate } from "@/lib/platform/geo/locate";
import { mergeCartLines } from "@/lib/oms/inventory/availability";
import { placeOrder, type PlacedOrder } from "@/lib/oms/orders/place-order";
import type { RoutingDecision, UnfillableOffer } from "@/lib/oms/routing/choose-store";
import { routeOrder } from "@/lib/oms/routing/route-order";
import { storeSlotOffer } from "@/lib/oms/slots/store-slot-offer";
import { loadStore, loadStoreByCode } from "@/lib/oms/stores/load-stores";
import type { CanonicalOrder, ChannelAdapter, IntakeReason } from "./canonical-order";
import { channelCheckoutId } from "./channel-checkout-id";
import { chooseSlot } from "./choose-slot";

export type ChannelPlacement =
  | { ok: true; placed: PlacedOrder; storeCode: string; routing: string }
  | { ok: false; reasons: IntakeReason[]; offer?: UnfillableOffer };

const SLOT_ATTEMPTS = 3;
const ROUTE_ATTEMPTS = 2;

const refuse = (path: string, message: string, offer?: UnfillableOffer): ChannelPlacement => ({ ok: false, reasons: [{ path, message }], ...(offer ? { offer } : {}) });

/**
 * Places a valid channel order through the same path as our checkout: SKUs resolved,
 * the store routed (and why recorded on the order), a pickup window booked. Anything that
 * stops it comes back as reasons pointing into the channel's payload; nothing is half-placed.
 */
export async function placeChannelOrder(db: Db, adapter: ChannelAdapter, order: CanonicalOrder, now: Date): Promise<ChannelPlacement> {
  const products = await db.product.findMany({ where: { sku: { in: order.lines.map((line) => line.sku) } }, select: { id: true, sku: true } });
  const productBySku = new Map(products.map((product) => [product.sku, product.id]));
  const unknown = order.lines.flatMap((line, index) => (productBySku.has(line.sku) ? [] : [{ path: adapter.paths.lineSku(index), message: `No product has the SKU "${line.sku}".` }]));
  if (unknown.length > 0) return { ok: false, reasons: unknown };

  let origin;
  const requested = order.storeCode ? await loadStoreByCode(db, order.storeCode) : null;
  if (order.storeCode) {
    if (!requested) return refuse(adapter.paths.store, `No store has the code "${order.storeCode}".`);
    origin = requested;
  } else {
    const place = locate(order.customerPostalCode ?? "");
    if (!place.ok) return refuse(adapter.paths.postalCode, place.message);
    origin = place.place;
  }

  // The same SKU on two lines is one need for routing, as placement merges it too.
  const skuOf = new Map(products.map((product) => [product.id, product.sku]));
  const lines = mergeCartLines(order.lines.map((line) => ({ productId: productBySku.get(line.sku)!, quantity: line.quantity }))).map((line) => ({ ...line, sku: skuOf.get(line.productId)! }));
  // Stock another order took between routing and placing: route once more before giving up.
  for (let route = 1; ; route++) {
    const decision = await routeOrder(db, { origin, requestedStore: requested, lines, pickupMethod: order.pickupMethod, now });
    if (decision.kind === "unfillable") return refuse("(order)", decision.reason, decision.offer);
    const placement = await placeAtStore(db, adapter, order, decision, lines, now);
    if (placement.ok || placement.code !== "INSUFFICIENT_STOCK" || route === ROUTE_ATTEMPTS) return placement;
  }
}

type Routed = Extract<RoutingDecision, { kind: "store" }>;

/** Books the first open window at the routed store and places the order there. */
async function placeAtStore(db: Db, adapter: ChannelAdapter, order: CanonicalOrder, decision: Routed, lines: { productId: string; quantity: number }[], now: Date): Promise<ChannelPlacement & { code?: string }> {
  const store = (await loadStore(db, decision.storeId))!;
  // A window can fill between reading it and booking it (a burst of orders for one store):
  // read the windows again and take the next open one, a few times, before giving up.
  for (let attempt = 1; ; attempt++) {
    const chosen = chooseSlot((await storeSlotOffer(db, store, now)).slots, order.pickupWindow);
    if (!chosen) return refuse(adapter.paths.pickupWindow, `${store.name} (${store.code}) has no pickup window open.`);
    const routing = {
      reason: decision.reason,
      requestedStore: order.storeCode,
      slotNote: chosen.note,
      candidates: decision.candidates.map(({ code, distanceMiles, eligible, why, score, queuedOrders, pickers, slotPlacesLeft }) => ({ code, distanceMiles, eligible, why, score, queuedOrders, pickers, slotPlacesLeft })),
    };
    try {
      const placed = await placeOrder(
        db,
        {
          checkoutId: channelCheckoutId(order.channel, order.channelOrderId),
          storeId: store.id,
          pickupMethod: order.pickupMethod,
          slotStartsAt: chosen.slot.startsAt,
          lines,
          name: order.customer.name,
          email: order.customer.email,
          phone: order.customer.phone,
          origin: { channel: order.channel, channelOrderId: order.channelOrderId, paymentReference: order.payment.reference, cardLast4: order.payment.cardLast4, routing },
        },
        now,
      );
      return { ok: true, placed, storeCode: store.code, routing: decision.reason };
    } catch (error) {
      if (error instanceof DomainError && error.code === "SLOT_UNAVAILABLE" && attempt < SLOT_ATTEMPTS) continue;
      // Stock or every window taken by other orders in the meantime: kept for a replay.
      if (error instanceof DomainError && ["INSUFFICIENT_STOCK", "SLOT_UNAVAILABLE", "STORE_UNAVAILABLE", "INVALID_INPUT"].includes(error.code)) return { ...refuse("(order)", error.message), code: error.code };
      throw error;
    }
  }
}
