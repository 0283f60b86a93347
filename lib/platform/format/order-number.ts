import { z } from "zod";

// Order numbers are stored as integers and shown with a prefix shoppers can read out.
const PREFIX = "H-";

export function formatOrderNumber(number: number): string {
  return `${PREFIX}${number}`;
}

export function parseOrderNumber(text: string): number | null {
  const match = /^\s*(?:H-?)?(\d{1,10})\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : null;
}

/** An order number as a form or a caller sends it ("H-100012", "100012" or 100012), range-checked. */
export const orderNumberSchema = z.union([z.string(), z.number()], "That is not an order number.").transform((value, ctx) => {
  const number = parseOrderNumber(String(value));
  if (number === null) ctx.addIssue({ code: "custom", message: "That is not an order number." });
  return number ?? 0;
});
