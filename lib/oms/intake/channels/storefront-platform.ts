import { z } from "zod";
import type { ChannelAdapter } from "@/lib/oms/intake/canonical-order";
import { emailField, isoDateTime, MAX_LINES, moneyField, phoneField, postalCodeField, quantityField, readString, reasonsOf, record, skuField } from "./shared-fields";

// A hosted storefront platform's order: numeric id, line_items, a pickup location id
// (configured on the platform as our store code), a pickup window, the customer, and
// the payment as a successful authorization transaction.

const storefrontPlatformOrderSchema = z
  .object({
    id: z.union([z.number().int().positive(), z.string().trim().regex(/^\d+$/, "The order id must be a number.")]).transform(String),
    currency: z.literal("USD", "Only USD orders are accepted.").default("USD"),
    customer: z.object({
      first_name: z.string().trim().min(1, "The customer's first name is missing.").max(50),
      last_name: z.string().trim().max(50).default(""),
      email: emailField,
      phone: phoneField,
    }),
    line_items: z.array(z.object({ sku: skuField, quantity: quantityField, price: moneyField.optional() })).min(1, "The order has no line items.").max(MAX_LINES, `At most ${MAX_LINES} line items per order.`),
    pickup: z.object({
      location_id: z.string().trim().min(1).max(20).optional(),
      method: z.enum(["in_store", "curbside"], "The pickup method must be in_store or curbside.").default("in_store"),
      window: z.object({ start: isoDateTime, end: isoDateTime }).refine((window) => window.start < window.end, { message: "The window must end after it starts.", path: ["end"] }).optional(),
    }),
    billing_address: z.object({ zip: postalCodeField }).optional(),
    total_price: moneyField.optional(),
    transactions: z
      .array(z.object({ kind: z.string(), status: z.string(), authorization: z.string().trim().min(1).max(200), card_last4: z.string().regex(/^\d{4}$/, "Not the last four digits of a card.").optional() }))
      .refine((transactions) => transactions.some((transaction) => transaction.kind === "authorization" && transaction.status === "success"), "The order has no successful payment authorization."),
  })
  .refine((order) => order.pickup.location_id || order.billing_address, { message: "Give a pickup location_id or a billing_address zip, so the order can be routed.", path: ["pickup", "location_id"] });

export const storefrontPlatformAdapter: ChannelAdapter = {
  channel: "STOREFRONT_PLATFORM",
  paths: { lineSku: (index) => `line_items.${index}.sku`, store: "pickup.location_id", postalCode: "billing_address.zip", pickupWindow: "pickup.window" },
  orderIdOf: (payload) => readString(record(payload).id),
  declaredCentsOf: (payload) => {
    const parsed = moneyField.safeParse(record(payload).total_price);
    return parsed.success ? parsed.data : null;
  },
  toCanonical(payload) {
    const parsed = storefrontPlatformOrderSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, reasons: reasonsOf(parsed.error) };
    const order = parsed.data;
    const authorization = order.transactions.find((transaction) => transaction.kind === "authorization" && transaction.status === "success")!;
    return {
      ok: true,
      order: {
        channel: "STOREFRONT_PLATFORM",
        channelOrderId: order.id,
        storeCode: order.pickup.location_id ?? null,
        customerPostalCode: order.billing_address?.zip ?? null,
        pickupMethod: order.pickup.method === "curbside" ? "CURBSIDE" : "IN_STORE",
        pickupWindow: order.pickup.window ? { startsAt: order.pickup.window.start, endsAt: order.pickup.window.end } : null,
        customer: { name: `${order.customer.first_name} ${order.customer.last_name}`.trim(), email: order.customer.email, phone: order.customer.phone },
        lines: order.line_items.map((item) => ({ sku: item.sku, quantity: item.quantity })),
        payment: { reference: authorization.authorization, cardLast4: authorization.card_last4 ?? null },
        declaredTotalCents: order.total_price ?? null,
      },
    };
  },
};
