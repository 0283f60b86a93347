import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { applyPosEvent } from "./apply-event";

export const POS_SYSTEM: BuiltInSystem = { name: "POS", receiver: { slug: "pos", apply: applyPosEvent }, jobs: [] };
