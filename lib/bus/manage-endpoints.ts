import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { newSigningSecret } from "./signing";

export const endpointUpdateSchema = z
  .object({
    system: z.enum(["STOREFRONT", "WMS", "POS", "NOTIFICATION"], "Choose a system. The OMS is Handoff itself."),
    mode: z.enum(["BUILT_IN", "EXTERNAL"], "Choose built-in or external."),
    url: z.string().trim().max(500).optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.mode !== "EXTERNAL") return;
    const parsed = URL.canParse(value.url) ? new URL(value.url) : null;
    if (!parsed || !["http:", "https:"].includes(parsed.protocol)) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "An external system needs an http:// or https:// URL." });
    }
  });

/** Points a system at Handoff's built-in module or at a retailer's own endpoint. */
export async function updateSystemEndpoint(db: Db, input: z.output<typeof endpointUpdateSchema>) {
  return db.systemEndpoint.update({
    where: { system: input.system },
    data: { mode: input.mode, url: input.mode === "EXTERNAL" ? input.url : null },
  });
}

/** A new signing secret; the old one stops verifying at once. */
export async function rotateSigningSecret(db: Db, system: z.output<typeof endpointUpdateSchema>["system"] | "OMS") {
  return db.systemEndpoint.update({ where: { system }, data: { signingSecret: newSigningSecret() } });
}
