import { z } from "zod";
import { normalizeCardNumber, passesLuhn } from "@/lib/oms/payments/card";

export const MAX_QUANTITY_PER_LINE = 20;

export const cartLineSchema = z.object({
  productId: z.uuid("That product does not exist."),
  quantity: z.coerce
    .number()
    .int("Quantity must be a whole number.")
    .min(1, "Quantity must be at least 1.")
    .max(MAX_QUANTITY_PER_LINE, `At most ${MAX_QUANTITY_PER_LINE} of one item per order.`),
});

/** US phone numbers, written any common way; stored as +1 and ten digits. */
const phoneSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, "").replace(/^\+?1(?=\d{10}$)/, ""))
  .refine((digits) => /^[2-9]\d{9}$/.test(digits), "Enter a 10-digit US phone number.")
  .transform((digits) => `+1${digits}`);

export const placeOrderSchema = z.object({
  checkoutId: z.uuid("This checkout form is out of date. Reload the page."),
  storeId: z.uuid("Choose a pickup store."),
  pickupMethod: z.enum(["IN_STORE", "CURBSIDE"], "Choose in-store or curbside pickup."),
  slotStartsAt: z.iso.datetime({ message: "Choose a pickup time." }).transform((value) => new Date(value)),
  lines: z.array(cartLineSchema).min(1, "Your cart is empty.").max(50, "At most 50 different items per order."),
  name: z.string().trim().min(2, "Enter your name.").max(100, "Name is too long."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  phone: phoneSchema,
  cardNumber: z
    .string()
    .transform(normalizeCardNumber)
    .refine(passesLuhn, "That card number is not valid. Check the digits."),
});

export type PlaceOrderInput = z.output<typeof placeOrderSchema>;
