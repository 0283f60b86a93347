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
      detail="Rejecting hands it back to the OMS: it goes to the next store that has every item, or is canceled, as the retailer chose; the customer is told."
      reasonLabel="Reason"
      reasons={REJECT_REASONS}
      submitLabel="Reject order"
      tone="amber"
    />
  );
}
