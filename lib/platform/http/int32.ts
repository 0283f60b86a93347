import { z } from "zod";

/** PostgreSQL's `integer`: a larger number fails the write, so it is refused when parsed. */
export const INT32_MAX = 2_147_483_647;

/** A whole number that fits an `integer` column. */
export function int32() {
  return z.number().int().min(-INT32_MAX - 1, "is too small").max(INT32_MAX, `must be at most ${INT32_MAX}`);
}
