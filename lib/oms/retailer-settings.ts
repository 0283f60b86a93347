import { z } from "zod";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import type { RerouteMode } from "@/lib/generated/prisma/enums";

export type RetailerSettingsView = { rerouteMode: RerouteMode; rerouteOfferMinutes: number; holdExtensionHours: number; checkoutHoldMinutes: number; rerouteLateOrders: boolean; updatedAt: Date; updatedBy: string | null };

/** The retailer's choices: one row, written with the defaults by the migrations (updatedBy is null until someone saves). */
export async function retailerSettings(db: Db | Tx): Promise<RetailerSettingsView> {
  return db.retailerSettings.findUniqueOrThrow({ where: { id: 1 } });
}

export const retailerSettingsSchema = z.object({
  rerouteMode: z.enum(["AUTO", "ASK", "CANCEL"], "Choose what happens when a store cannot fill an order."),
  rerouteOfferMinutes: z.coerce
    .number("Give the minutes as a number.")
    .int("Give whole minutes.")
    .min(5, "Give the shopper at least 5 minutes to answer.")
    .max(24 * 60, "Give the shopper at most a day (1440 minutes)."),
  holdExtensionHours: z.coerce
    .number("Give the hours as a number.")
    .int("Give whole hours.")
    .min(0, "Give 0 hours (no extensions) or more.")
    .max(14 * 24, "A hold may grow by at most two weeks (336 hours)."),
  checkoutHoldMinutes: z.coerce
    .number("Give the minutes as a number.")
    .int("Give whole minutes.")
    .min(0, "Give 0 minutes (no checkout holds) or more.")
    .max(120, "Hold a checkout's items for at most two hours (120 minutes)."),
  /** A checkbox: present ("on") when ticked, absent when not. */
  rerouteLateOrders: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

export type RetailerSettingsInput = z.infer<typeof retailerSettingsSchema>;

export async function saveRetailerSettings(db: Db, input: RetailerSettingsInput, by: string): Promise<void> {
  await db.retailerSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input, updatedBy: by }, update: { ...input, updatedBy: by } });
}
