import { z } from "zod";
import type { ChannelAdapter } from "@/lib/oms/intake/canonical-order";
import { emailField, isoDateTime, MAX_LINES, moneyField, phoneField, postalCodeField, quantityField, readString, reasonsOf, record, skuField } from "./shared-fields";

// A marketplace's order: snake_case, money as { amount, currency }, the buyer's ZIP code,
// an optional store to pick up at and a pickup-after / pickup-before window.

const usd = z.object({ amount: moneyField, currency: z.literal("USD", "Only USD orders are accepted.") });

const marketplaceOrderSchema = z
  .object({
    marketplace_order_id: z.string().trim().min(1, "The marketplace order id is missing.").max(100),
    buyer: z.object({
      name: z.string().trim().min(2, "The buyer's name is missing.").max(100, "The buyer's name is longer than 100 characters."),
      email: emailField,
      phone: phoneField,
      postal_code: postalCodeField.optional(),
    }),
    fulfillment: z.object({
      type: z.literal("store_pickup", "Only store pickup orders can be sent here."),
      store_id: z.string().trim().min(1).max(20).optional(),
      method: z.enum(["in_store", "curbside"], "The pickup method must be in_store or curbside.").default("in_store"),
      pickup_after: isoDateTime.optional(),
      pickup_before: isoDateTime.optional(),
    }),
    order_items: z
      .array(z.object({ seller_sku: skuField, quantity_ordered: quantityField, item_price: usd.optional() }))
      .min(1, "The order has no items.")
      .max(MAX_LINES, `At most ${MAX_LINES} items per order.`),
    payment: z.object({ transaction_id: z.string().trim().min(1, "The payment transaction id is missing.").max(200), card_last_four: z.string().regex(/^\d{4}$/, "Not the last four digits of a card.").optional() }),
    order_total: usd.optional(),
  })
  .refine((order) => order.fulfillment.store_id || order.buyer.postal_code, { message: "Name a store_id or give the buyer's postal_code, so the order can be routed.", path: ["fulfillment", "store_id"] })
  .refine((order) => !order.fulfillment.pickup_after || !order.fulfillment.pickup_before || order.fulfillment.pickup_after < order.fulfillment.pickup_before, {
    message: "pickup_before must be after pickup_after.",
    path: ["fulfillment", "pickup_before"],
  });

export const marketplaceAdapter: ChannelAdapter = {
  channel: "MARKETPLACE",
  paths: { lineSku: (index) => `order_items.${index}.seller_sku`, store: "fulfillment.store_id", postalCode: "buyer.postal_code", pickupWindow: "fulfillment.pickup_after" },
  orderIdOf: (payload) => readString(record(payload).marketplace_order_id),
  declaredCentsOf: (payload) => {
    const parsed = moneyField.safeParse(record(record(payload).order_total).amount);
    return parsed.success ? parsed.data : null;
  },
  toCanonical(payload) {
    const parsed = marketplaceOrderSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, reasons: reasonsOf(parsed.error) };
    const order = parsed.data;
    const { pickup_after: after, pickup_before: before } = order.fulfillment;
    return {
      ok: true,
      order: {
        channel: "MARKETPLACE",
        channelOrderId: order.marketplace_order_id,
        storeCode: order.fulfillment.store_id ?? null,
        customerPostalCode: order.buyer.postal_code ?? null,
        pickupMethod: order.fulfillment.method === "curbside" ? "CURBSIDE" : "IN_STORE",
        pickupWindow: after ? { startsAt: after, endsAt: before ?? new Date(after.getTime() + 24 * 3_600_000) } : null,
        customer: { name: order.buyer.name, email: order.buyer.email, phone: order.buyer.phone },
        lines: order.order_items.map((item) => ({ sku: item.seller_sku, quantity: item.quantity_ordered })),
        payment: { reference: order.payment.transaction_id, cardLast4: order.payment.card_last_four ?? null },
        declaredTotalCents: order.order_total?.amount ?? null,
      },
    };
  },
};
