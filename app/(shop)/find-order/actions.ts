"use server";

import { headers } from "next/headers";
import { getDb } from "@/lib/platform/db/prisma";
import { orderLinkRequestSchema, requestOrderLink } from "@/lib/oms/orders/request-order-link";
import { clientAddress } from "@/lib/platform/security/rate-limit";
import { formInput } from "@/lib/platform/http/action-input";

export type FindOrderState = { ok: boolean; message: string; fields?: { orderNumber?: string; contact?: string } } | null;

/** "Find my order": the same answer whether or not an order matches, so nobody learns who ordered what. */
export async function findOrderAction(_previous: FindOrderState, formData: FormData): Promise<FindOrderState> {
  const input = formInput(formData);
  if (!input.ok) return input;
  const parsed = orderLinkRequestSchema.safeParse({ orderNumber: formData.get("orderNumber") ?? "", contact: formData.get("contact") ?? "" });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Check the highlighted fields.", fields };
  }
  const outcome = await requestOrderLink(getDb(), parsed.data, clientAddress(await headers()));
  if (outcome.kind === "rate_limited") {
    const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
    return { ok: false, message: `Too many requests for now. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.` };
  }
  return {
    ok: true,
    message: `If H-${parsed.data.orderNumber} was placed with that email or phone, we've just sent its link there. It can take a minute to arrive.`,
  };
}
