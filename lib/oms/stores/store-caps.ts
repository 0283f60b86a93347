import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";

/** A cap in orders; empty means none. */
const cap = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? null : value),
  z.coerce.number("Give a number of orders.").int("Give a whole number.").min(1, "A cap is at least 1 order (leave it empty for none).").max(100_000, "A cap is at most 100,000 orders.").nullable(),
);

/** Minutes an order may wait before it is late for not being started; empty leaves it as it is. */
const startTarget = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce.number("Give the minutes as a number.").int("Give whole minutes.").min(1, "Give at least 1 minute.").max(240, "Give at most 240 minutes (4 hours).").optional(),
);

export const capsSchema = z.object({ dailyOrderCap: cap, concurrentOrderCap: cap, startTargetMinutes: startTarget });

/** A store's daily and concurrent order caps (null: none), audited, and the minutes within which it starts each order. */
export async function setStoreCaps(db: Db, input: { storeId: string; dailyOrderCap: number | null; concurrentOrderCap: number | null; startTargetMinutes?: number; by: string }, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.store.updateMany({ where: { id: input.storeId }, data: { dailyOrderCap: input.dailyOrderCap, concurrentOrderCap: input.concurrentOrderCap, startTargetMinutes: input.startTargetMinutes } });
    if (count === 0) throw notFound("That store");
    await tx.storeCapacityChange.create({ data: { storeId: input.storeId, action: "CAPS_SET", by: input.by, dailyOrderCap: input.dailyOrderCap, concurrentOrderCap: input.concurrentOrderCap, startTargetMinutes: input.startTargetMinutes, at: now } });
  });
}
