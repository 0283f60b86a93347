import type { OrderStatus } from "@/lib/generated/prisma/enums";

/** What the storefront knows of an order; it may lag the OMS when a boundary is broken. */
export type StorefrontStatus = "placed" | "picking" | "store_offered" | "ready" | "picked_up" | "canceled" | "no_show";

const AS_ORDER_STATUS: Record<StorefrontStatus, OrderStatus> = {
  placed: "PLACED",
  picking: "PICKING",
  store_offered: "AWAITING_SHOPPER",
  ready: "READY",
  picked_up: "PICKED_UP",
  canceled: "CANCELED",
  no_show: "NO_SHOW",
};

/** How the shopper's page names each status. */
export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: "Order placed",
  PICKING: "Being picked",
  AWAITING_SHOPPER: "Waiting for your answer",
  READY: "Ready for pickup",
  PICKED_UP: "Picked up",
  CANCELED: "Canceled",
  NO_SHOW: "Not collected",
};

/** Until the storefront hears of an order, the shopper sees it as placed. */
export function shopperVisibleStatus(status: string | null | undefined): OrderStatus {
  return AS_ORDER_STATUS[(status ?? "placed") as StorefrontStatus] ?? "PLACED";
}
