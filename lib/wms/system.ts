import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { applyWmsEvent } from "./apply-event";

export const WMS_SYSTEM: BuiltInSystem = { name: "WMS", receiver: { slug: "wms", apply: applyWmsEvent }, jobs: [] };
