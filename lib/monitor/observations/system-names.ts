import type { SystemName } from "@/lib/generated/prisma/enums";

/** How a watched stack may name its systems in a line. */
export const SYSTEM_ALIASES: Record<string, SystemName> = {
  pos: "POS",
  oms: "OMS",
  wms: "WMS",
  storefront: "STOREFRONT",
  notification: "NOTIFICATION",
  notifications: "NOTIFICATION",
};
