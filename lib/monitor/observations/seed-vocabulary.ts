import { EVENT } from "@/lib/bus/event-names";
import type { Mapping } from "./vocabulary";

const INVENTORY_MOVED = [EVENT.inventoryConsumed, EVENT.inventoryReleased, EVENT.inventoryRestocked];

/**
 * The words of the field write-ups (seeds 000 and 001), ready to load: a stack that logs
 * pickup-complete, fulfillment-complete and order-status-update is read without a mapper.
 */
export const SEED_VOCABULARY: Mapping[] = [
  // Seed 000, step 1–2: the POS fires pickup-complete; the OMS logs the pickup confirmation.
  { system: "POS", event: "pickup-complete", status: "", means: [EVENT.pickupCompleted] },
  { system: "OMS", event: "pickup-complete", status: "", means: [EVENT.pickupCompleted] },
  { system: "OMS", event: "pickup-confirmation", status: "", means: [EVENT.pickupCompleted] },
  // Step 3–4: the OMS closes the order and sends fulfillment-complete; the WMS takes it.
  { system: "OMS", event: "order-fulfilled", status: "", means: [EVENT.orderPickedUp] },
  { system: "OMS", event: "fulfillment-complete", status: "", means: [EVENT.orderPickedUp] },
  { system: "WMS", event: "fulfillment-complete", status: "", means: [EVENT.orderPickedUp] },
  // Step 5: the storefront's order-status-update, read by the status it carries.
  { system: "STOREFRONT", event: "order-status-update", status: "confirmed", means: [EVENT.orderCreated] },
  { system: "STOREFRONT", event: "order-status-update", status: "ready_for_pickup", means: [EVENT.orderReady] },
  { system: "STOREFRONT", event: "order-status-update", status: "picked_up", means: [EVENT.orderPickedUp] },
  { system: "STOREFRONT", event: "order-status-update", status: "canceled", means: [EVENT.orderCanceled] },
  { system: "STOREFRONT", event: "order-status-update", status: "not_collected", means: [EVENT.orderNoShow] },
  // Step 6: the pickup confirmation webhook reaches the notification layer.
  { system: "NOTIFICATION", event: "pickup-confirmation", status: "", means: [EVENT.orderPickedUp] },
  // After step 4, and seed 001's node 2: the WMS's inventory delta reaches the storefront's availability.
  { system: "WMS", event: "inventory-delta", status: "", means: INVENTORY_MOVED },
  { system: "STOREFRONT", event: "inventory-delta", status: "", means: INVENTORY_MOVED },
  { system: "STOREFRONT", event: "availability-update", status: "", means: INVENTORY_MOVED },
  // Seed 001: the cancellation's write-back from the store, the OMS's release to the WMS.
  { system: "POS", event: "cancellation", status: "", means: [EVENT.orderCanceled] },
  { system: "OMS", event: "cancellation", status: "", means: [EVENT.orderCanceled] },
  { system: "WMS", event: "allocation-release", status: "", means: [EVENT.orderCanceled] },
  { system: "NOTIFICATION", event: "cancellation-notice", status: "", means: [EVENT.orderCanceled] },
];
