import type { Db } from "@/lib/platform/db/prisma";
import type { CheckoutHoldStatus } from "@/lib/generated/prisma/enums";

export type CheckoutHoldView = {
  storeId: string;
  status: CheckoutHoldStatus;
  expiresAt: Date;
  /** When it last changed: for an ended hold, when it ended (a browser's newer hold can end it early). */
  updatedAt: Date;
  browser: string | null;
  lines: { productId: string; quantity: number }[];
};

/** The hold a checkout has (or had), as the shopper's own page may ask about it. */
export async function checkoutHoldOf(db: Db, checkoutId: string): Promise<CheckoutHoldView | null> {
  return db.checkoutHold.findUnique({
    where: { checkoutId },
    select: { storeId: true, status: true, expiresAt: true, updatedAt: true, browser: true, lines: { select: { productId: true, quantity: true } } },
  });
}

/** Whether the hold still holds its units for the shopper at `now` (the worker releases run-out ones a little later). */
export function isHolding(hold: Pick<CheckoutHoldView, "status" | "expiresAt">, now: Date): boolean {
  return hold.status === "HELD" && hold.expiresAt > now;
}
