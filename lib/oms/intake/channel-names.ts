import type { OrderChannel } from "@/lib/generated/prisma/enums";

/** How people call each sales channel. */
export const CHANNEL_NAMES: Record<OrderChannel, string> = { WEB: "Our checkout", MARKETPLACE: "Marketplace", STOREFRONT_PLATFORM: "Storefront platform" };
