import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";

export const pauseSchema = z.object({
  reason: z.string().trim().min(2, "Say why the store stops taking pickup orders.").max(120, "Keep the reason to 120 characters."),
  /** Minutes until pickup orders resume by themselves; 0: until someone resumes them. */
  minutes: z.coerce.number("Choose when to resume.").int().min(0).max(7 * 24 * 60, "A pause may last at most a week."),
});

/** Stops a store taking pickup orders (with why, and when it resumes by itself), audited. Orders already placed carry on. */
export async function pauseStore(db: Db, input: { storeId: string; reason: string; minutes: number; by: string }, now = new Date()) {
  const pausedUntil = input.minutes > 0 ? new Date(now.getTime() + input.minutes * 60_000) : null;
  await db.$transaction(async (tx) => {
    const { count } = await tx.store.updateMany({ where: { id: input.storeId }, data: { pausedAt: now, pausedUntil, pauseReason: input.reason } });
    if (count === 0) throw notFound("That store");
    await tx.storeCapacityChange.create({ data: { storeId: input.storeId, action: "PAUSED", by: input.by, reason: input.reason, pausedUntil, at: now } });
  });
  return { pausedUntil };
}
