"use client";

import { rejectAtStoreAction } from "@/app/(store)/store/actions";
import { REJECT_REASONS } from "@/lib/pos/store-queue/short-reasons";
import { OrderReasonAction } from "./order-reason-action";

/** The store cannot fill this order: the OMS sends it to another store (or asks the shopper, or cancels it). */
export function RejectAtStore({ orderNumber, onDone }: { orderNumber: number; onDone: () => void }) {
  return (
    <OrderReasonAction
      orderNumber={orderNumber}
      onDone={onDone}
      action={rejectAtStoreAction}
      heading="Can't fill this order?"
      detail="Rejecting sends it to the next store that has every item; the customer is told where and when."
      reasonLabel="Reason"
      reasons={REJECT_REASONS}
      submitLabel="Reject order"
      tone="amber"
    />
  );
}
