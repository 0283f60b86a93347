import type { OrderChannel } from "@/lib/generated/prisma/enums";
import type { ChannelAdapter } from "@/lib/oms/intake/canonical-order";
import { marketplaceAdapter } from "./marketplace";
import { storefrontPlatformAdapter } from "./storefront-platform";

/** The adapter for each channel that sends orders through the intake API. */
export const CHANNEL_ADAPTERS: Record<Exclude<OrderChannel, "WEB">, ChannelAdapter> = {
  MARKETPLACE: marketplaceAdapter,
  STOREFRONT_PLATFORM: storefrontPlatformAdapter,
};
