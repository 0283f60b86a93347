import { z } from "zod";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import type { RerouteMode } from "@/lib/generated/prisma/enums";

export type RetailerSettingsView = { rerouteMode: RerouteMode; rerouteOfferMinutes: number; updatedAt: Date | null; updatedBy: string | null };

const DEFAULTS = { rerouteMode: "ASK", rerouteOfferMinutes: 30 } as const;

/** The retailer's choices, or the defaults until someone saves them. */
export async function retailerSettings(db: Db | Tx): Promise<RetailerSettingsView> {
  const row = await db.retailerSettings.findUnique({ where: { id: 1 } });
  return row ?? { ...DEFAULTS, updatedAt: null, updatedBy: null };
}

export const retailerSettingsSchema = z.object({
  rerouteMode: z.enum(["AUTO", "ASK", "CANCEL"], "Choose what happens when a store cannot fill an order."),
  rerouteOfferMinutes: z.coerce
    .number("Give the minutes as a number.")
    .int("Give whole minutes.")
    .min(5, "Give the shopper at least 5 minutes to answer.")
    .max(24 * 60, "Give the shopper at most a day (1440 minutes)."),
});

export type RetailerSettingsInput = z.infer<typeof retailerSettingsSchema>;

export async function saveRetailerSettings(db: Db, input: RetailerSettingsInput, by: string): Promise<void> {
  await db.retailerSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input, updatedBy: by }, update: { ...input, updatedBy: by } });
}
