"use client";

import { useState } from "react";
import { markShortAction } from "@/app/(store)/store/actions";
import { SHORT_REASONS, shortReasonEffect } from "@/lib/pos/store-queue/short-reasons";
import { ReasonSelect } from "./reason-select";
import { ActionMessage, useStoreAction } from "./store-action";
import { UnitsField } from "./units-field";

type Props = { orderNumber: number; line: { sku: string; name: string; open: number }; onDone: () => void };

/** How many of a line are short, and why; the OMS releases them and lowers the charge. */
export function ShortLineForm({ orderNumber, line, onDone }: Props) {
  const [quantity, setQuantity] = useState(String(line.open));
  const [reason, setReason] = useState("");
  const short = useStoreAction(markShortAction, () => {});

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    short.mutate({ orderNumber, sku: line.sku, quantity: Number(quantity), reason }, { onSuccess: (result) => result.ok && onDone() });
  };

  return (
    <form onSubmit={onSubmit} aria-label={`Short ${line.name}`} className="flex basis-full flex-wrap items-end gap-3 rounded-lg bg-amber-50 p-3">
      <UnitsField id={`short-qty-${line.sku}`} label="Units short" max={line.open} value={quantity} onChange={setQuantity} />
      <div>
        <ReasonSelect label="Short reason" value={reason} onChange={setReason} reasons={SHORT_REASONS} />
        {/* What the reason does to the store's stock, before the associate confirms. */}
        <p aria-live="polite" className="mt-1 min-h-6 text-sm text-amber-900">
          {shortReasonEffect(reason) ? `Stock: ${shortReasonEffect(reason)}.` : ""}
        </p>
      </div>
      <button type="submit" disabled={short.isPending} className="min-h-12 rounded-lg bg-amber-700 px-5 text-lg font-semibold text-white hover:bg-amber-800 disabled:opacity-60">
        Confirm short
      </button>
      <ActionMessage result={short.data} />
    </form>
  );
}
