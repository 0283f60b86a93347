"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { BROWSER_COOKIE, browserHash } from "@/lib/oms/orders/checkout-browser";
import { cartLineSchema } from "@/lib/oms/orders/place-order-input";
import { holdCart } from "@/lib/oms/checkout-hold/hold-cart";
import { getDb } from "@/lib/platform/db/prisma";
import { isDomainError } from "@/lib/platform/errors";
import { refuseInput } from "@/lib/platform/http/action-input";
import { clientAddress } from "@/lib/platform/security/rate-limit";
import { toHoldChoice } from "./hold-choice";
import { alternativesFor } from "./store-choice";
import type { HoldResult } from "./types";

const holdCartSchema = z.object({
  checkoutId: z.uuid("This checkout form is out of date. Reload the page."),
  storeId: z.uuid("Choose a pickup store."),
  lines: z.array(cartLineSchema).min(1, "Your cart is empty.").max(50, "At most 50 different items per order."),
});

/** Holds the cart's units at the chosen store while the shopper pays; choosing another store moves the hold. */
export async function holdCartAction(input: z.input<typeof holdCartSchema>): Promise<HoldResult> {
  const refused = refuseInput(input);
  if (refused) return { ok: false, message: refused.message };
  const parsed = holdCartSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Reload the page and choose the store again." };
  const browser = browserHash((await cookies()).get(BROWSER_COOKIE)?.value);
  // Every page sets the browser cookie; a caller without one (a script) gets no hold.
  if (!browser) return { ok: true, hold: null };
  try {
    const hold = await holdCart(getDb(), { ...parsed.data, browser, client: clientAddress(await headers()) });
    return { ok: true, hold: hold ? toHoldChoice(hold) : null };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const alternatives = error.code === "INSUFFICIENT_STOCK" || error.code === "STORE_UNAVAILABLE" ? await alternativesFor(parsed.data.storeId, parsed.data.lines) : undefined;
    return { ok: false, message: error.message, alternatives };
  }
}
