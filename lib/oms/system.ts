import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { OMS_JOBS } from "./jobs";

/** The OMS hears from other systems through its own inbound API (POST /api/v1/events/{system}), not a bus receiver. */
export const OMS_SYSTEM: BuiltInSystem = { name: "OMS", jobs: OMS_JOBS };
