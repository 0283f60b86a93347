import { z } from "zod";
import type { IntakeReason } from "@/lib/oms/intake/canonical-order";

// Field rules every channel shares, with messages that say exactly what to fix.

export const MAX_LINES = 50;
export const MAX_QUANTITY = 20;

export const emailField = z.string().trim().toLowerCase().pipe(z.email("Not a valid email address."));

/** US phone numbers, written any common way; stored as +1 and ten digits. */
export const phoneField = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, "").replace(/^\+?1(?=\d{10}$)/, ""))
  .refine((digits) => /^[2-9]\d{9}$/.test(digits), "Not a 10-digit US phone number.")
  .transform((digits) => `+1${digits}`);

export const skuField = z.string().trim().min(1, "The SKU is empty.").max(64, "The SKU is longer than 64 characters.");
export const quantityField = z.number("The quantity must be a number.").int("The quantity must be a whole number.").min(1, "The quantity must be at least 1.").max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one item per order.`);
export const postalCodeField = z.string().trim().regex(/^\d{5}(-\d{4})?$/, "Not a US ZIP code.").transform((zip) => zip.slice(0, 5));
export const isoDateTime = z.iso.datetime({ offset: true, message: "Not an ISO 8601 date and time." }).transform((value) => new Date(value));

/** More than any pickup order; it keeps amounts inside the 32-bit cents columns. */
export const MAX_AMOUNT_CENTS = 100_000_000;

/** "12.99" or 12.99 as cents, refusing anything that is not a price. */
export const moneyField = z
  .union([z.string().trim().regex(/^\d+(\.\d{1,2})?$/, "Not an amount such as 12.99."), z.number().nonnegative("An amount cannot be negative.")])
  .transform((value) => Math.round(Number(value) * 100))
  .refine((cents) => cents <= MAX_AMOUNT_CENTS, `An amount cannot be over $${(MAX_AMOUNT_CENTS / 100).toLocaleString("en-US")}.`);

/** A zod error as reasons with dotted paths into the channel's payload. */
export function reasonsOf(error: z.ZodError): IntakeReason[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
}

/** A payload's fields, read leniently (anything else reads as no fields). */
export const record = (value: unknown) => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});

export const readString = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : typeof value === "number" ? String(value) : null);
