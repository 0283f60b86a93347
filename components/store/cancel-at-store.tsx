"use client";

import { cancelAtStoreAction } from "@/app/(store)/store/actions";
import { STORE_CANCEL_REASONS } from "@/lib/pos/store-queue/short-reasons";
import { OrderReasonAction } from "./order-reason-action";

/** Cancel at the POS, with a reason; the OMS runs the cancellation chain from the store's event. */
export function CancelAtStore({ orderNumber, onDone }: { orderNumber: number; onDone: () => void }) {
  return (
    <OrderReasonAction
      orderNumber={orderNumber}
      onDone={onDone}
      action={cancelAtStoreAction}
      heading="Cancel this order"
      reasonLabel="Cancel reason"
      reasons={STORE_CANCEL_REASONS}
      submitLabel="Cancel order"
      tone="red"
    />
  );
}
