import type { Db } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";

/** Orders matching what an ops user typed: an order number, a customer email, or a phone number. */
export async function findOrders(db: Db, query: string, limit = 50) {
  const text = query.trim();
  if (!text) return [];
  const number = parseOrderNumber(text);
  const digits = text.replace(/\D/g, "");
  return db.order.findMany({
    where: {
      OR: [
        ...(number !== null ? [{ number }] : []),
        ...(text.includes("@") ? [{ customerEmail: { equals: text, mode: "insensitive" as const } }] : []),
        ...(digits.length >= 7 ? [{ customerPhone: { contains: digits.slice(-10) } }] : []),
      ],
    },
    select: { number: true, status: true, customerName: true, customerEmail: true, placedAt: true, store: { select: { code: true } } },
    orderBy: { placedAt: "desc" },
    take: limit,
  });
}
