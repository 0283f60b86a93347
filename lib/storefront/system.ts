import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { applyStorefrontEvent } from "./apply-event";

export const STOREFRONT_SYSTEM: BuiltInSystem = { name: "STOREFRONT", receiver: { slug: "storefront", apply: applyStorefrontEvent }, jobs: [] };
